// Immigration custody as victims meet it: every status and alert event flows feed → server → SDK → alert message,
// in English and Spanish; alert event bits stay where existing subscriptions put them; migration 004 maps today's
// subscriptions onto the events split out of theirs; search by A-number or name with country of birth.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ALERT_EVENTS,
  type AlertEvent,
  createClient,
  type CustodyPage,
  CustodyStatus,
  type ErrorBody,
  identifierKey,
} from '@referral-kit/sdk';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import { migrate, openDb } from '../src/db/index.js';
import { eventBit, eventMask } from '../src/alerts/events.js';
import { deriveKeys } from '../src/alerts/crypto.js';
import { enqueueStatusChanges } from '../src/alerts/index.js';
import { alertEventFor, importCustody } from '../src/import/custody-import.js';
import { startHarness, type Harness } from './alerts-harness.js';
import { json, startTestServer, type TestServer } from './server-harness.js';

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));

describe('alert events as bits', () => {
  it('keeps the bit of every event that existing subscriptions already store', () => {
    assert.deepEqual(
      ALERT_EVENTS.map((e) => [e, eventBit(e)]),
      [
        ['release', 1],
        ['transfer', 2],
        ['escape', 4],
        ['death', 8],
        ['return-to-custody', 16],
        ['removal', 32],
        ['bond-or-order-release', 64],
        ['immigration-custody', 128],
      ],
    );
  });

  it('migration 004: a subscription to release also gets removal and bond-or-order releases; transfer gets immigration custody', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-migrate-'));
    try {
      for (const name of ['001_core.sql', '002_alerts.sql']) cpSync(join(MIGRATIONS, name), join(dir, name));
      const db = await openDb({ file: ':memory:' });
      await migrate(db, `${dir}/`);
      const subscribe = (id: string, events: AlertEvent[]) =>
        db.run(
          `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at)
           VALUES ($1, 'rec-1', 'sms', $1, 'x', 'en', $2, 'confirmed', '2026-11-01T00:00:00Z')`,
          [id, eventMask(events)],
        );
      await subscribe('s-release', ['release']);
      await subscribe('s-transfer-escape', ['transfer', 'escape']);
      await subscribe('s-death', ['death']);
      await db.run(
        `INSERT INTO alert_confirmations (id, subscription_id, contact_hash, code_hash, language, events_mask, expires_at, created_at)
         VALUES ('c-1', 's-death', 'h', 'c', 'en', $1, '2026-11-01T01:00:00Z', '2026-11-01T00:00:00Z')`,
        [eventMask(['release', 'return-to-custody'])],
      );
      await db.run(
        `INSERT INTO custody_records (id, source_key, data, content_hash, status, sort_name, source_updated_at, updated_at)
         VALUES ('rec-1', 'booking:1', '{}', 'h', 'released', 'x', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
      );
      await db.run(
        `INSERT INTO custody_events (id, record_id, from_status, to_status, alert_event, occurred_at) VALUES ('ev-1', 'rec-1', 'in-custody', 'released', 'release', '2026-11-01T00:00:00Z')`,
      );
      await db.run(
        `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, alert_event, occurred_at, status, next_attempt_at, created_at)
         VALUES ('ev-1/s-release', 's-release', 'ev-1', 'status', 'release', '2026-11-01T00:00:00Z', 'pending', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
      );

      assert.ok((await migrate(db)).includes('004_immigration_custody.sql'));
      const masks = Object.fromEntries(
        (await db.query<{ id: string; events_mask: number }>('SELECT id, events_mask FROM alert_subscriptions')).map(
          (r) => [r.id, Number(r.events_mask)],
        ),
      );
      assert.deepEqual(masks, {
        's-release': eventMask(['release', 'removal', 'bond-or-order-release']),
        's-transfer-escape': eventMask(['transfer', 'escape', 'immigration-custody']),
        's-death': eventMask(['death']),
      });
      const [confirmation] = await db.query<{ events_mask: number }>('SELECT events_mask FROM alert_confirmations');
      assert.equal(
        Number(confirmation!.events_mask),
        eventMask(['release', 'return-to-custody', 'removal', 'bond-or-order-release']),
      );
      const [pending] = await db.query<{ custody_status: string }>('SELECT custody_status FROM alert_outbox');
      assert.equal(
        pending!.custody_status,
        'released',
        'a message queued before the migration is still worded from its status',
      );
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every status: feed → server → SDK → alert message, in English and Spanish', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const moved = CustodyStatus.options.filter((s) => s !== 'in-custody');
  const bookingOf = (status: string) => `BK-${CustodyStatus.options.indexOf(status as CustodyStatus) + 100}`;
  const feed = (statusOf: (status: CustodyStatus) => CustodyStatus, changedAt: string) =>
    JSON.stringify(
      moved.map((status) => ({
        identifier: bookingOf(status),
        displayName: `Persona ${status}`,
        birthYear: 1980,
        status: statusOf(status),
        statusReason: `Source wording for ${status}.`,
        facility: { name: 'Test Facility', state: 'TX' },
        statusChangedAt: changedAt,
        updatedAt: '2026-11-29T09:30:00Z',
      })),
    );

  it("imports every status, alerts with the guide's short form, and serves it through the SDK", async () => {
    const first = await importCustody(
      h.db,
      feed(() => 'in-custody', '2026-11-01T10:00:00Z'),
      'feed.json',
      { massChangeShare: 0.05, now: h.clock.now },
    );
    assert.equal(first.inserted, moved.length);
    const ids = Object.fromEntries(
      (await h.db.query<{ id: string; source_key: string }>('SELECT id, source_key FROM custody_records')).map((r) => [
        r.source_key,
        r.id,
      ]),
    );
    const recordId = (status: string) => ids[`booking:${bookingOf(status).replace('-', '')}`]!;
    const keys = deriveKeys(h.config.secretKey);
    for (const status of moved) {
      for (const language of ['en', 'es']) {
        await h.db.run(
          `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at)
           VALUES ($1, $2, 'email', $1, $3, $4, $5, 'confirmed', '2026-11-29T00:00:00Z')`,
          [
            `sub-${status}-${language}`,
            recordId(status),
            keys.seal(`${status}.${language}@example.org`, 'contact'),
            language,
            eventMask(ALERT_EVENTS),
          ],
        );
      }
    }

    const report = await importCustody(
      h.db,
      feed((s) => s, '2026-11-29T08:30:00Z'),
      'feed.json',
      {
        massChangeShare: 0.05,
        confirmMassChange: true,
        now: h.clock.now,
        enqueueStatusChanges: (tx, events) => enqueueStatusChanges(tx, events, h.clock.now()),
      },
    );
    assert.equal(report.statusChanges, moved.length, 'the mass-change guard counts every new status');
    const alerting = moved.filter((s) => alertEventFor('in-custody', s) !== null);
    assert.deepEqual(
      new Set(alerting.map((s) => alertEventFor('in-custody', s))),
      new Set(ALERT_EVENTS),
      'every alert event is raised by some status',
    );
    assert.equal(report.notifications, alerting.length * 2);

    while ((await h.alerts.dispatcher.runOnce()) > 0);
    for (const status of alerting) {
      for (const language of ['en', 'es'] as const) {
        const message = h.email.messages.find((m) => m.to === `${status}.${language}@example.org`);
        assert.ok(message, `a message for ${status} in ${language}`);
        assert.ok(
          message.text.includes(custodyGuideText(language).statuses[status].alert),
          `${language} ${status}: ${message.text}`,
        );
        assert.equal(message.subject, language === 'en' ? 'Notification update' : 'Actualización de notificación');
      }
    }
    assert.equal(h.email.messages.length, alerting.length * 2, 'supervision and unknown send nothing');

    const client = createClient({ baseUrl: h.url });
    for (const status of moved) {
      const record = await client.custody.get(recordId(status));
      assert.deepEqual(
        [record.status, record.statusReason, record.statusChangedAt],
        [status, `Source wording for ${status}.`, '2026-11-29T08:30:00.000Z'],
      );
    }
    for (const language of ['en', 'es'] as const) {
      const guide = await client.custody.guide({ lang: language });
      assert.equal(guide.language, language);
      assert.deepEqual(
        guide.statuses.map((s) => s.status),
        CustodyStatus.options,
      );
      assert.equal(guide.dataUpdatedAt, '2026-11-29T09:30:00.000Z', "the data's freshness");
      assert.deepEqual(
        guide.topics.map((t) => t.id),
        ['detainer', 'detention', 'bond', 'removal', 'changes'],
      );
    }
    const vietnamese = await client.custody.guide({ lang: 'vi-VN' });
    assert.equal(vietnamese.language, 'vi');
    assert.equal(
      vietnamese.statuses.find((s) => s.status === 'released-on-bond')?.meaning,
      custodyGuideText('vi').statuses['released-on-bond'].meaning,
    );
    assert.match(vietnamese.topics[0]!.title, /Yêu cầu giữ người/, 'the topics in Vietnamese too');
    assert.equal((await client.custody.guide({ lang: 'zh-Hans' })).language, 'zh');
    assert.equal(
      (await client.custody.guide({ lang: 'de' })).language,
      'en',
      'a language without a guide falls back to English',
    );
  });
});

describe("custody search as ICE's locator asks: A-number or name, with country of birth", () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.stop());

  const found = async (query: string) =>
    (await json<CustodyPage>(await s.get(`/v1/custody?${query}`))).items.map((r) => r.id);
  const jose = FIXTURE_IDS.custody['in-custody']; // A123456789, born 1986 in "México"

  it('takes an A-number with or without the A, dashes, spaces or a leading zero', async () => {
    for (const written of ['A123456789', 'a-123-456-789', '123456789', '123 456 789', 'A0123456789']) {
      assert.deepEqual(
        await found(`identifier=${encodeURIComponent(written)}&identifierType=a-number`),
        [jose],
        written,
      );
      assert.deepEqual(
        await found(`identifier=${encodeURIComponent(written)}`),
        [jose],
        `${written}, any kind of number`,
      );
    }
    assert.deepEqual(
      await found('identifier=123456789&identifierType=booking'),
      [],
      'a booking number is not an A-number',
    );
  });

  it('matches the country of birth with case and accents ignored, with an A-number or a name and birth year', async () => {
    assert.deepEqual(await found('identifier=A123456789&countryOfBirth=mexico'), [jose]);
    assert.deepEqual(await found(`name=martinez&birthYear=1986&countryOfBirth=${encodeURIComponent('  MÉXICO ')}`), [
      jose,
    ]);
    assert.deepEqual(await found('identifier=A123456789&countryOfBirth=Guatemala'), [], 'another country finds no one');
    const honduras = FIXTURE_IDS.custody['immigration-detention']; // "HONDURAS"
    assert.deepEqual(await found('name=nunez&countryOfBirth=honduras&birthYear=1990'), [honduras]);
  });

  it('refuses a one-letter country with a field error', async () => {
    const response = await s.get('/v1/custody?name=martinez&countryOfBirth=M');
    assert.equal(response.status, 400);
    assert.deepEqual(
      (await json<ErrorBody>(response)).error.fields.map((f) => f.path),
      ['countryOfBirth'],
    );
  });

  it('migration 004_immigration_search re-keys stored A-numbers by their digits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-migrate-'));
    try {
      for (const name of ['001_core.sql', '002_alerts.sql', '004_immigration_custody.sql'])
        cpSync(join(MIGRATIONS, name), join(dir, name));
      const db = await openDb({ file: ':memory:' });
      await migrate(db, `${dir}/`);
      await db.run(
        `INSERT INTO custody_records (id, source_key, data, content_hash, status, sort_name, source_updated_at, updated_at)
         VALUES ('rec-1', 'a-number:A012345678', '{}', 'h', 'in-custody', 'x', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
      );
      await db.run(
        `INSERT INTO custody_identifiers (value, type, record_id) VALUES ('A012345678', 'a-number', 'rec-1'), ('BK12', 'booking', 'rec-1')`,
      );
      await migrate(db);
      const keys = await db.query<{ value: string; type: string }>(
        'SELECT value, type FROM custody_identifiers ORDER BY type',
      );
      assert.deepEqual(
        keys.map((k) => [k.type, k.value]),
        [
          ['a-number', '12345678'],
          ['booking', 'BK12'],
        ],
      );
      assert.deepEqual(
        keys.map((k) => k.value),
        [identifierKey('a-number', 'A-012345678'), identifierKey('booking', 'bk-12')],
      );
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
