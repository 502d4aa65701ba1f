// Migrations run on data written by earlier versions, as found in the wild, on SQLite and (with TEST_DATABASE_URL)
// PostgreSQL: a migration must never fail on real data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, migrationFiles, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { createPgSchema } from './server-harness.js';

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));
const PG_URL = process.env.TEST_DATABASE_URL;

/** Migrates only up to (not including) `before`, so a test can write what older versions wrote. */
async function migrateUpTo(db: Db, before: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-migrate-'));
  try {
    for (const { name } of migrationFiles().filter((f) => f.name < before))
      cpSync(join(MIGRATIONS, name), join(dir, name));
    await migrate(db, `${dir}/`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Opened = { db: Db; drop: () => Promise<void> };
const openSqlite = async (): Promise<Opened> => ({ db: await openDb({ file: ':memory:' }), drop: async () => {} });
const openPostgres = async (): Promise<Opened> => {
  const schema = await createPgSchema(PG_URL!);
  return { db: await openDb({ url: schema.url }), drop: schema.drop };
};

for (const [dialect, open, skip] of [
  ['SQLite', openSqlite, false],
  ['PostgreSQL', openPostgres, PG_URL ? false : 'set TEST_DATABASE_URL to run it'],
] as const) {
  describe(`migration 004_immigration_search on ${dialect}`, { skip }, () => {
    it('re-keys A-numbers when one record has the same A-number written several ways', async () => {
      const { db, drop } = await open();
      try {
        await migrateUpTo(db, '004_immigration_search.sql');
        await db.run(
          `INSERT INTO custody_records (id, source_key, data, content_hash, status, sort_name, source_updated_at, updated_at)
           VALUES ($1, 'a-number:A123456789', '{}', 'h', 'in-custody', 'x', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
          ['rec-1'],
        );
        // What the old importer stored: spaces and dashes gone, the A and leading zeros kept.
        for (const [value, type] of [
          ['A123456789', 'a-number'],
          ['123456789', 'a-number'],
          ['A0123456789', 'a-number'],
          ['A000', 'a-number'],
          ['BK-1', 'booking'],
        ] as const) {
          await db.run('INSERT INTO custody_identifiers (value, type, record_id) VALUES ($1, $2, $3)', [
            value,
            type,
            'rec-1',
          ]);
        }

        assert.ok((await migrate(db)).includes('004_immigration_search.sql'));
        const rows = await db.query<{ value: string; type: string }>(
          'SELECT value, type FROM custody_identifiers ORDER BY type, value',
        );
        assert.deepEqual(
          rows.map((r) => [r.value, r.type]),
          [
            ['0', 'a-number'],
            ['123456789', 'a-number'],
            ['BK-1', 'booking'],
          ],
        );
      } finally {
        await db.close();
        await drop();
      }
    });
  });
}

describe('migration 019_custody_name_words on SQLite', () => {
  it('turns the name prefix rows into one row per name word, found by every prefix of it', async () => {
    const db = await openDb({ file: ':memory:' });
    try {
      await migrateUpTo(db, '019_custody_name_words.sqlite.sql');
      const long = 'abcdefghijklmnopqrstuvwxyz0123';
      for (const [id, sortName] of [
        ['rec-1', 'jose angel martinez ruiz'],
        ['rec-2', `ana ana ${long}`],
        ['rec-3', ''],
      ] as const) {
        await db.run(
          `INSERT INTO custody_records (id, source_key, data, content_hash, status, sort_name, source_updated_at, updated_at)
           VALUES ($1, $2, '{"id":"${id}"}', 'h', 'in-custody', $3, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
          [id, `booking:${id}`, sortName],
        );
        await db.run('INSERT INTO custody_name_prefixes (prefix, record_id) VALUES ($1, $2)', [sortName[0] ?? 'x', id]);
      }

      assert.ok((await migrate(db)).includes('019_custody_name_words.sqlite.sql'));
      const rows = await db.query<{ word: string; record_id: string }>(
        'SELECT word, record_id FROM custody_name_words ORDER BY record_id, word',
      );
      assert.deepEqual(
        rows.map((r) => [r.record_id, r.word]),
        [
          ['rec-1', 'angel'],
          ['rec-1', 'jose'],
          ['rec-1', 'martinez'],
          ['rec-1', 'ruiz'],
          ['rec-2', long.slice(0, 24)],
          ['rec-2', 'ana'],
        ],
      );
      const [old] = await db.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'custody_name_prefixes'",
      );
      assert.equal(old?.n, 0);
    } finally {
      await db.close();
    }
  });
});
