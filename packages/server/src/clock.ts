// The server's one reading of the wall clock. Everything that needs the time takes a Clock from its caller, and only
// the entry points (startServer, the CLI) fall back to this one, so tests drive every date with a clock of their own.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
