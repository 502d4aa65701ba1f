// "Open at this moment?" for a weekly schedule, evaluated in the service's own time zone.
import type { Schedule, Weekday } from '../contract/service.js';

const WEEKDAYS: readonly Weekday[] = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];
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

/** Weekday and minute of the day at `at` in `timeZone` (the runtime's zone when absent). */
function localTime(at: Date, timeZone: string | undefined): { day: number; minute: number } | null {
  const f = formatterFor(timeZone);
  if (!f || Number.isNaN(at.getTime())) return null;
  let day = -1;
  let minute = 0;
  for (const part of f.formatToParts(at)) {
    if (part.type === 'weekday') day = WEEKDAYS.indexOf(part.value.slice(0, 2).toLowerCase() as Weekday);
    else if (part.type === 'hour') minute += Number(part.value) * 60;
    else if (part.type === 'minute') minute += Number(part.value);
  }
  return day < 0 ? null : { day, minute };
}

/**
 * Whether the service is open at `at`. Unknown hours count as closed: someone filtering for "open now" needs
 * a door that will open, not a guess. A period whose closing time is not after its opening time runs past midnight.
 */
export function isOpenAt(schedule: Schedule | undefined, at: Date): boolean {
  if (!schedule) return false;
  if (schedule.open24x7) return true;
  const now = localTime(at, schedule.timezone);
  if (!now) return false;
  for (const period of schedule.hours) {
    const day = WEEKDAYS.indexOf(period.day);
    const opens = minutes(period.opens);
    const closes = minutes(period.closes);
    if (closes > opens) {
      if (day === now.day && now.minute >= opens && now.minute < closes) return true;
    } else if ((day === now.day && now.minute >= opens) || ((day + 1) % 7 === now.day && now.minute < closes)) {
      return true;
    }
  }
  return false;
}
