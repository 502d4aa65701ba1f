// "Open at this moment?" for weekly schedules, evaluated in each service's own time zone.
import type { Schedule, Weekday } from '../contract/service.js';

const WEEKDAYS: readonly Weekday[] = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];
const DAY = 1440;
const WEEK = 7 * DAY;
/** `zoneOf` markers: hours unknown (closed), or open around the clock. */
const UNKNOWN = -1;
const ALWAYS = -2;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat | null {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = null; // an unknown time zone in the data: hours cannot be judged
    }
    formatters.set(key, f);
  }
  return f;
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Minutes since Sunday 00:00 at `at` in `timeZone` (the runtime's zone when absent); NaN when it cannot be told. */
function weekMinute(at: Date, timeZone: string | undefined): number {
  const f = formatterFor(timeZone);
  if (!f || Number.isNaN(at.getTime())) return NaN;
  let day = -1;
  let minute = 0;
  for (const part of f.formatToParts(at)) {
    if (part.type === 'weekday') day = WEEKDAYS.indexOf(part.value.slice(0, 2).toLowerCase() as Weekday);
    else if (part.type === 'hour') minute += Number(part.value) * 60;
    else if (part.type === 'minute') minute += Number(part.value);
  }
  return day < 0 ? NaN : day * DAY + minute;
}

/**
 * Many services' opening hours, read once into minutes of the week, so that judging them all at one moment reads
 * each time zone's clock once (Intl costs more than the rest of a 100k-service search) and parses no text.
 */
export class WeeklyHours {
  private readonly zones: Array<string | undefined> = [];
  private readonly zoneOf: Int32Array;
  /** Service i's periods are periods[start[i]] up to periods[start[i + 1]]: [opens, closes) pairs. */
  private readonly start: Int32Array;
  private readonly periods: number[] = [];

  constructor(schedules: ReadonlyArray<Schedule | undefined>) {
    const zoneIds = new Map<string | undefined, number>();
    this.zoneOf = new Int32Array(schedules.length);
    this.start = new Int32Array(schedules.length + 1);
    schedules.forEach((schedule, i) => {
      this.start[i] = this.periods.length;
      if (!schedule || schedule.open24x7) {
        this.zoneOf[i] = schedule ? ALWAYS : UNKNOWN;
        return;
      }
      let zone = zoneIds.get(schedule.timezone);
      if (zone === undefined) zoneIds.set(schedule.timezone, (zone = this.zones.push(schedule.timezone) - 1));
      this.zoneOf[i] = zone;
      for (const period of schedule.hours) {
        const day = WEEKDAYS.indexOf(period.day) * DAY;
        const opens = minutes(period.opens);
        const closes = minutes(period.closes);
        // A period whose closing time is not after its opening time runs past midnight, into the next day.
        this.periods.push(day + opens, day + closes + (closes > opens ? 0 : DAY));
      }
    });
    this.start[schedules.length] = this.periods.length;
  }

  /** Which services are open at `at`, by position; the time zones' clocks are read once, here. */
  at(at: Date): (i: number) => boolean {
    const now = this.zones.map((zone) => weekMinute(at, zone));
    return (i) => {
      const zone = this.zoneOf[i]!;
      if (zone < 0) return zone === ALWAYS;
      const t = now[zone]!;
      // Saturday's overnight periods end past the week's end, on Sunday morning.
      for (let p = this.start[i]!, end = this.start[i + 1]!; p < end; p += 2)
        if ((t >= this.periods[p]! && t < this.periods[p + 1]!) || t + WEEK < this.periods[p + 1]!) return true;
      return false;
    };
  }
}

/**
 * Whether the service is open at `at`. Unknown hours count as closed: someone filtering for "open now" needs
 * a door that will open, not a guess. A period whose closing time is not after its opening time runs past midnight.
 */
export const isOpenAt = (schedule: Schedule | undefined, at: Date): boolean => new WeeklyHours([schedule]).at(at)(0);
