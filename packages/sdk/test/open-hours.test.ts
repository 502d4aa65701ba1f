// "Open now" over a whole index: each time zone's clock is read once per search, and the answers are the ones
// reading each service's own clock gives, across daylight-saving changes and at minute boundaries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Schedule, Service, Weekday } from '@referral-kit/sdk';
import { createDirectoryIndex, searchDirectory } from '@referral-kit/sdk/search';

const DAYS: Weekday[] = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];
const ZONES = ['America/New_York', 'America/Phoenix', 'Europe/London', 'Australia/Sydney', 'UTC', 'Mars/Olympus'];

/** The oracle: the service's own clock read for it alone, then its periods checked one by one. */
function openByOwnClock(schedule: Schedule | undefined, at: Date): boolean {
  if (!schedule) return false;
  if (schedule.open24x7) return true;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: schedule.timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return false;
  }
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = DAYS.indexOf(part('weekday').slice(0, 2).toLowerCase() as Weekday);
  const minute = Number(part('hour')) * 60 + Number(part('minute'));
  const clock = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  return schedule.hours.some((p) => {
    const d = DAYS.indexOf(p.day);
    const [opens, closes] = [clock(p.opens), clock(p.closes)];
    return closes > opens
      ? d === day && minute >= opens && minute < closes
      : (d === day && minute >= opens) || ((d + 1) % 7 === day && minute < closes);
  });
}

/** Services in six zones (one unknown), with periods that start, end or run overnight around the instants below. */
const services: Service[] = ZONES.flatMap((timezone, z) =>
  [
    [{ day: 'su', opens: '03:00', closes: '04:00' }], // the hour after the spring-forward gap
    [{ day: 'su', opens: '01:00', closes: '02:00' }], // the hour repeated in the autumn
    [{ day: 'sa', opens: '22:00', closes: '06:00' }], // Saturday night into Sunday: past the week's end
    [
      { day: 'mo', opens: '09:00', closes: '17:00' },
      { day: 'su', opens: '12:00', closes: '12:01' },
    ],
    [{ day: 'su', opens: '00:00', closes: '00:00' }], // a whole day from midnight
  ].map((hours, h): Service => ({
    id: `svc-${z}-${h}`,
    name: `Office ${z} ${h}`,
    organization: { id: 'org', name: 'Org' },
    description: 'Help.',
    categories: ['legal-aid'],
    languages: ['en'],
    phones: [],
    locations: [],
    schedule: { open24x7: false, timezone, hours: hours as Schedule['hours'] },
  })),
);
services.push(
  { ...services[0]!, id: 'svc-always', schedule: { open24x7: true, hours: [] } },
  { ...services[0]!, id: 'svc-unknown-hours', schedule: undefined },
);

const index = createDirectoryIndex(services);
const MINUTE = 60_000;

/** Instants around New York's, London's and Sydney's clock changes and around each period's edges. */
function instants(): Date[] {
  const edges = [
    '2026-03-08T07:00:00Z', // New York springs forward: 02:00 EST becomes 03:00 EDT
    '2026-11-01T05:00:00Z', // New York falls back: 01:00 EDT, then 01:00 EST an hour later
    '2026-11-01T06:00:00Z',
    '2026-03-29T01:00:00Z', // London springs forward
    '2026-04-04T16:00:00Z', // Sydney falls back (Sunday 03:00 AEDT → 02:00 AEST)
    '2026-03-08T17:00:00Z', // Sunday 12:00 in New York
    '2026-03-09T21:00:00Z', // Monday 17:00 EDT: the office closes
    '2026-03-08T11:00:00Z', // Sunday 06:00 in New York: Saturday night's period ends
  ].map((t) => Date.parse(t));
  return edges.flatMap((t) => [-MINUTE, -1, 0, 1, MINUTE - 1, MINUTE].map((d) => new Date(t + d)));
}

describe('open now across a whole index', () => {
  it('gives each search the answers of every service’s own clock, across clock changes and minute edges', () => {
    let checked = 0;
    let opened = 0;
    // One index, many searches: what one search learned of a zone's clock must not leak into the next.
    for (const now of instants()) {
      const page = searchDirectory(index, { openNow: true, pageSize: 100 }, now);
      const expected = services
        .filter((s) => openByOwnClock(s.schedule, now))
        .map((s) => s.id)
        .sort();
      assert.deepEqual(
        page.items.map((h) => h.service.id),
        expected,
        now.toISOString(),
      );
      checked++;
      opened += expected.length;
    }
    assert.equal(checked, 48);
    assert.ok(opened > checked, 'the instants must find services open');
  });

  it('opens on the minute, in the zone’s new offset after a change, and closes on the minute', () => {
    const open = (at: string) =>
      searchDirectory(index, { openNow: true, pageSize: 100 }, new Date(at)).items.map((h) => h.service.id);
    // New York, Sunday 8 March: 01:59:59.999 EST, then 03:00 EDT.
    assert.ok(!open('2026-03-08T06:59:59.999Z').includes('svc-0-0'));
    assert.ok(open('2026-03-08T07:00:00.000Z').includes('svc-0-0'));
    // Phoenix keeps its clock: 23:59 on Saturday, not yet Sunday 03:00.
    assert.ok(!open('2026-03-08T07:00:00.000Z').includes('svc-1-0'));
    // Monday 09:00–17:00 in New York (EDT): the last minute is open, 17:00 is closed.
    assert.ok(open('2026-03-09T20:59:59.999Z').includes('svc-0-3'));
    assert.ok(!open('2026-03-09T21:00:00.000Z').includes('svc-0-3'));
    // Saturday 22:00 into Sunday 06:00 in New York: still open at 05:59 on Sunday.
    assert.ok(open('2026-03-08T09:59:00.000Z').includes('svc-0-2'));
    assert.ok(!open('2026-03-08T10:00:00.000Z').includes('svc-0-2'));
    // An unknown zone and unknown hours are closed; round-the-clock is open.
    assert.ok(open('2026-03-08T07:00:00.000Z').every((id) => !id.startsWith('svc-5-') && id !== 'svc-unknown-hours'));
    assert.ok(open('2026-03-08T07:00:00.000Z').includes('svc-always'));
  });
});
