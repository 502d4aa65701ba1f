// The server's one reading of the wall clock. Everything that needs the time takes a Clock from its caller, and only
// the entry points (startServer, the CLI) fall back to this one, so tests drive every date with a clock of their own.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock cannot cross into a worker thread (functions do not clone): the thread gets how far `clock` is from the
 * system clock, and `offsetClock` rebuilds it there (a frozen test clock then runs on from where it stood).
 */
export function clockOffset(clock: Clock): number {
  return clock().getTime() - Date.now();
}

export function offsetClock(offsetMs: number): Clock {
  return () => new Date(Date.now() + offsetMs);
}
