// The clock server tests control. Code under test never reads the wall clock, so every date a test writes is
// relative to START (or to clock.now()), and the tests pass on any day the machine's clock says.
export const START = Date.parse('2026-11-29T10:00:00.000Z');

export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function testClock(startMs = START): TestClock {
  let nowMs = startMs;
  return { now: () => new Date(nowMs), advance: (ms) => void (nowMs += ms) };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** An ISO timestamp `ms` milliseconds from START (negative: before it). */
export const fromStart = (ms: number): string => new Date(START + ms).toISOString();
