// Insights: counting at write time from the public API, the staff report routes, and privacy by construction
// (small cells suppressed so that no one visitor's action can be singled out; nothing identifying in the tables).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callbackBody, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { codeIn, subscription, tokenIn } from './alerts-harness.js';
import { addMember, consoleFetch, signIn, type StaffSession } from './staff-harness.js';
import { cellKey, MARGIN, suppress, type Cube } from '../src/insights/privacy.js';
import { DIMENSIONS } from '../src/insights/counter.js';
import type { Report } from '../src/insights/report.js';
import type { InsightsIndex } from '../console/api.js';
import type { ErrorBody } from '@referral-kit/sdk';

/** Where the harness clock starts (2026-11-29T10) is in November; reports about it open on December 1st, 01:00. */
const AFTER_NOVEMBER = Date.parse('2026-12-01T02:00:00Z');

describe('insights', () => {
  let h: CallbacksHarness;
  let supervisor: StaffSession;
  let partnerA: StaffSession;

  const search = (query: string, partner?: string) =>
    fetch(`${h.url}/v1/services?${query}`, { headers: partner ? { 'x-referral-partner': partner } : {} });
  /** A console API answer, its body typed as the caller expects (an index, a report, or an error). */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's type
  const report = async <T = unknown>(path: string, session: StaffSession) => {
    const res = await consoleFetch(h, 'GET', path, { session });
    return { status: res.status, body: (await res.json()) as T };
  };

  before(async () => {
    h = await startCallbacksHarness();
    // November: 12 searches from partner-a in Houston (770), 3 from partner-b in Cheyenne (820), one from no partner.
    for (let i = 0; i < 12; i++)
      assert.equal(
        (await search('q=shelter%20near%20my%20husband&postalCode=77002&category=shelter', 'partner-a')).status,
        200,
      );
    for (let i = 0; i < 3; i++) assert.equal((await search('postalCode=82001', 'partner-b')).status, 200);
    assert.equal((await search('postalCode=82001', 'made-up-partner')).status, 200);
    assert.equal((await search('q=he%20will%20kill%20me')).status, 200);
    assert.equal((await h.post('/v1/callbacks', callbackBody(), { 'x-referral-partner': 'partner-a' })).status, 202);
    await h.insights.flush();
    h.clock.advance(AFTER_NOVEMBER - h.clock.now().getTime());
    supervisor = await signIn(h, await addMember(h, 'supervisor', 'team-texas-es'));
    partnerA = await signIn(h, await addMember(h, 'partner', null, 'partner-a'));
  });
  after(() => h.close());

  it('counts searches into the hour, by partner, category, ZIP3, state and outcome, with nothing a visitor typed', async () => {
    const rows = await h.db.query<Record<string, string | number>>(
      "SELECT * FROM insight_counts WHERE event = 'search' ORDER BY partner, zip3",
    );
    const shaped = rows.map((r) => `${r.hour} ${r.partner}/${r.topic}/${r.zip3}/${r.state}/${r.outcome} ${r.n}`);
    assert.deepEqual(shaped, [
      '2026-11-29T10 ////unmet 1',
      '2026-11-29T10 //820/WY/unmet 1',
      '2026-11-29T10 partner-a/shelter/770/TX/unmet 12',
      '2026-11-29T10 partner-b//820/WY/unmet 3',
    ]);
    const crisis = await h.db.query<{ n: number }>("SELECT n FROM insight_counts WHERE event = 'crisis-panel'");
    assert.deepEqual(
      crisis.map((r) => Number(r.n)),
      [1],
    );
    const callbacks = await h.db.query<{ partner: string; topic: string; n: number }>(
      "SELECT partner, topic, n FROM insight_counts WHERE event = 'callback-request'",
    );
    assert.equal(callbacks.length, 1);
    assert.equal(callbacks[0]!.partner, 'partner-a');
  });

  it('holds nothing that identifies a person: every column is a dimension, every value a short token', async () => {
    const columns = (await h.db.query('SELECT * FROM insight_counts LIMIT 1')).flatMap((r) => Object.keys(r));
    assert.deepEqual(columns.sort(), ['hour', 'event', ...DIMENSIONS, 'n'].sort());
    const rows = await h.db.query<Record<string, string | number>>('SELECT * FROM insight_counts');
    assert.ok(rows.length > 0);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = String(value);
        if (column === 'hour') assert.match(text, /^\d{4}-\d{2}-\d{2}T\d{2}$/);
        else if (column === 'n') assert.match(text, /^\d+$/);
        else assert.match(text, /^[a-z0-9_+-]{0,40}$/i, `${column}=${text}`);
        assert.doesNotMatch(text, /@|\d{7,}|\d+\.\d+\.\d+\.\d+|:|\s|husband|kill/i, `${column}=${text}`);
      }
    }
  });

  it('offers the months that have ended and the partners the account may see', async () => {
    // A search in December: counted, but December is not offered until it has ended.
    assert.equal((await search('postalCode=77002')).status, 200);
    await h.insights.flush();
    const index = await report<InsightsIndex>('/insights', supervisor);
    assert.equal(index.status, 200);
    assert.deepEqual(index.body.periods, ['2026-11']);
    const own = await report<InsightsIndex>('/insights', partnerA);
    assert.deepEqual(own.body.partners, ['partner-a']);
    assert.deepEqual(own.body.periods, ['2026-11']);
  });

  it('refuses months that have not ended, and answers 400 for a partner that does not exist', async () => {
    const res = await report<ErrorBody>('/insights/states?period=2026-12', supervisor);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0]?.path, 'period');
    assert.equal((await report('/insights/states?period=2026-11&partner=nobody', supervisor)).status, 400);
  });

  it('shows counts under k as "< 10" and hides a second cell in each line, overall and per partner', async () => {
    const overall = await report<Report>('/insights/states?period=2026-11', supervisor);
    assert.equal(overall.status, 200);
    const byKey = Object.fromEntries(overall.body.rows.map((r) => [r.key, r.cells]));
    // 12 Texas searches from partner-a alone: shown. Wyoming's 4 and the unknown region's 1: suppressed.
    assert.deepEqual(byKey.TX, { matched: 0, unmet: 12, total: 12 });
    assert.equal(byKey.WY?.unmet, '< 10');
    assert.equal(byKey.unknown?.unmet, '< 10');
    // The total would give WY + unknown, not either alone; so is hidden or the cells are.
    const own = await report<Report>('/insights/states?period=2026-11', partnerA);
    assert.equal(own.status, 200);
    assert.equal(own.body.partner, 'partner-a');
    const ownTx = own.body.rows.find((r) => r.key === 'TX')?.cells;
    // partner-a's 12 in Texas equal the overall Texas count, and the other partners' 0 there are shown.
    assert.equal(ownTx?.unmet, 12);
    const csv = await consoleFetch(h, 'GET', '/insights/states.csv?period=2026-11', { session: partnerA });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines[0], 'state,matched,unmet,total');
    assert.ok(lines.includes('TX,0,12,12'));
  });

  it("lets no single action be singled out: adding one visitor's search changes no shown cell except in lines with two hidden ones", () => {
    const partners = ['partner-a', 'partner-b', ''];
    const rows = ['TX', 'WY', 'NM'];
    const measures = ['matched', 'unmet'];
    const base = new Map<string, number>([
      [cellKey('partner-a', 'TX', 'unmet'), 30],
      [cellKey('partner-b', 'TX', 'unmet'), 25],
      [cellKey('', 'TX', 'matched'), 40],
      [cellKey('partner-a', 'NM', 'matched'), 14],
      [cellKey('partner-b', 'NM', 'unmet'), 11],
      [cellKey('partner-a', 'WY', 'unmet'), 3],
    ]);
    const cube = (counts: Map<string, number>): Cube => ({ partners, rows, measures, counts });
    const before = suppress(cube(base), 10);
    for (const p of partners)
      for (const r of rows)
        for (const m of measures) {
          const plusOne = new Map(base);
          plusOne.set(cellKey(p, r, m), (base.get(cellKey(p, r, m)) ?? 0) + 1);
          const afterOne = suppress(cube(plusOne), 10);
          // The attacker compares every published cell of every slice (each partner and overall) before and after.
          const moved = [...afterOne].filter(
            ([key, cell]) =>
              typeof cell === 'number' && typeof before.get(key) === 'number' && cell !== before.get(key),
          );
          const changedInner = cellKey(p, r, m);
          // If the one cell itself is shown, it is a count of at least k: the action hides among k others.
          const shown = afterOne.get(changedInner);
          if (typeof shown === 'number') assert.ok(shown >= 10 || shown === 0, `${changedInner} shown as ${shown}`);
          // Otherwise each line through it that shows a changed margin has at least two hidden cells to blame.
          for (const [key] of moved) {
            const [kp, kr, km] = JSON.parse(key) as string[];
            const [cp, cr, cm] = JSON.parse(changedInner) as string[];
            const lines = [
              kr === cr && km === cm && kp === MARGIN
                ? [...partners, MARGIN].map((x) => cellKey(x, kr!, km!))
                : undefined,
              kp === cp && km === cm && kr === MARGIN ? [...rows, MARGIN].map((x) => cellKey(kp!, x, km!)) : undefined,
              kp === cp && kr === cr && km === MARGIN
                ? [...measures, MARGIN].map((x) => cellKey(kp!, kr!, x))
                : undefined,
            ].filter((line): line is string[] => line !== undefined);
            for (const line of lines) {
              const hidden = line.filter((k2) => typeof afterOne.get(k2) !== 'number').length;
              assert.ok(hidden === 0 || hidden >= 2, `${key} moved with ${hidden} hidden`);
            }
          }
        }
    // Every line of every published cube has no hidden cell, or at least two.
    for (const p of [...partners, MARGIN])
      for (const r of [...rows, MARGIN]) {
        const hidden = [...measures, MARGIN].filter((m) => typeof before.get(cellKey(p, r, m)) !== 'number').length;
        assert.notEqual(hidden, 1);
      }
    for (const r of [...rows, MARGIN])
      for (const m of [...measures, MARGIN]) {
        const hidden = [...partners, MARGIN].filter((p) => typeof before.get(cellKey(p, r, m)) !== 'number').length;
        assert.notEqual(hidden, 1, `${r} ${m}`);
      }
  });

  it('counts the time to the first attempt and to close, in buckets, and the outcome', async () => {
    const specialist = await signIn(h, await addMember(h, 'specialist', 'team-texas-es'));
    const [request] = await h.db.query<{ id: string }>('SELECT id FROM callback_requests');
    for (const [path, body] of [
      ['assign', {}],
      ['attempts', { channel: 'call', reached: true }],
      ['close', { outcome: 'reached' }],
    ] as const) {
      assert.equal(
        (await consoleFetch(h, 'POST', `/requests/${request!.id}/${path}`, { session: specialist, body })).status,
        200,
        path,
      );
    }
    await h.insights.flush();
    const rows = await h.db.query<{ event: string; duration: string; outcome: string; topic: string }>(
      "SELECT event, duration, outcome, topic FROM insight_counts WHERE event LIKE 'callback-%' AND event <> 'callback-request' ORDER BY event",
    );
    // Requested on November 29th at 10:00, worked on December 1st at 02:00: 40 hours.
    assert.deepEqual(
      rows.map((r) => `${r.event} ${r.duration} ${r.outcome}`),
      ['callback-closed 1-3d reached', 'callback-first-attempt 1-3d '],
    );
  });

  it('counts custody lookups by state and outcome, and alert signups, confirmations, unsubscribes and deliveries', async () => {
    assert.equal(
      (
        await fetch(`${h.url}/v1/custody?name=Someone&birthYear=1990&countryOfBirth=Mexico&state=TX`, {
          headers: { 'x-referral-partner': 'partner-b' },
        })
      ).status,
      200,
    );
    assert.equal((await fetch(`${h.url}/v1/custody/no-such-record`)).status, 404);
    const subscribed = await h.post('/v1/alerts/subscriptions', subscription({ language: 'es-MX' }), {
      'x-referral-partner': 'partner-a',
    });
    assert.equal(subscribed.status, 202);
    const { confirmationId } = (await subscribed.json()) as { confirmationId: string };
    await h.alerts.dispatcher.runOnce();
    const message = h.email.messages.at(-1)!;
    assert.equal((await h.post('/v1/alerts/confirm', { confirmationId, code: codeIn(message) })).status, 200);
    await h.alerts.dispatcher.runOnce();
    assert.equal(
      (await h.post('/v1/alerts/unsubscribe', { token: tokenIn(h.email.messages.at(-1)!.text, '/v1/alerts/stop') }))
        .status,
      200,
    );
    await h.insights.flush();
    const rows = await h.db.query<Record<string, string>>(
      "SELECT event, partner, state, channel, language, topic, outcome FROM insight_counts WHERE event LIKE 'lookup-%' OR event LIKE 'alert-%' OR event = 'delivery' ORDER BY event, outcome",
    );
    assert.deepEqual(
      rows.map((r) => Object.values(r).join('/')),
      [
        'alert-confirmed///email/es//',
        'alert-event-chosen/partner-a//email/es/release/',
        'alert-signup/partner-a//email/es//',
        'alert-unsubscribed///email/es//',
        `delivery///${rows.find((r) => r.event === 'delivery')!.channel}///sent`,
        'lookup-search/partner-b/TX////not-found',
        'lookup-view//////not-found',
      ],
    );
  });

  it("a partner's view and the overall view cannot be subtracted to recover another partner's small count", async () => {
    const overall = await report<Report>('/insights/states?period=2026-11', supervisor);
    const b = await report<Report>('/insights/states?period=2026-11&partner=partner-b', supervisor);
    const a = await report<Report>('/insights/states?period=2026-11&partner=partner-a', supervisor);
    const wy = (r: { body: { rows: { key: string; cells: Record<string, unknown> }[] } }) =>
      r.body.rows.find((x) => x.key === 'WY')!.cells.unmet;
    // partner-b's 3 and the unpartnered 1 in Wyoming are hidden everywhere they could be subtracted from.
    assert.equal(wy(b), '< 10');
    assert.equal(wy(overall), '< 10');
    assert.equal(typeof wy(a), 'number');
  });
});
