// What the directory tests share: services written as an import writes them (a new version stamp), a query only
// the extra service `zephyr` answers, and a worker and an API instance on one database.
import { afterEach, beforeEach } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generateFixtures } from '@referral-kit/mocks';
import type { Service } from '@referral-kit/sdk';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { writeDocuments } from '../src/db/documents.js';
import { bumpServicesVersion } from '../src/db/services-store.js';
import { createLogger } from '../src/logger.js';
import { Directory, type DirectoryOptions, type DirectoryState } from '../src/routes/directory.js';
import { DirectoryPublisher } from '../src/routes/directory-publisher.js';
import type { TestClock } from './clock.js';
import { createPgSchema } from './server-harness.js';

export const services = generateFixtures({ seed: 14, services: 12, custody: 0 }).services;
export const zephyr: Service = { ...services[0]!, id: 'svc-zephyr', name: 'Zephyr Legal Clinic' };
export const QUERY = { q: 'zephyr' };

/** Writes (adds or replaces) services and stamps the new version, in one transaction. */
export async function write(db: Db, items: Service[], clock: TestClock): Promise<void> {
  const stored = new Set((await db.query<{ id: string }>('SELECT id FROM services')).map((r) => r.id));
  await db.transaction(async (tx) => {
    await writeDocuments(
      tx,
      'services',
      items.map((document) => ({ document, exists: stored.has(document.id) })),
      clock.now().toISOString(),
    );
    await bumpServicesVersion(tx);
  });
}

/** The ids `QUERY` finds in a version. */
export const ids = async (state: DirectoryState, clock: TestClock) =>
  (await state.search(QUERY, clock.now())).items.map((h) => h.service.id);

/**
 * Two processes' view of one database (a worker and an API instance, each with its own connection), fresh for every
 * test: PostgreSQL when TEST_DATABASE_URL is set (`npm run test:postgres`), else a SQLite file.
 */
export function useSavedIndexes(clock: TestClock) {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const context = {
    dialect: pgUrl ? 'PostgreSQL' : 'SQLite',
    workerDb: undefined as unknown as Db,
    apiDb: undefined as unknown as Db,
    publisher: undefined as unknown as DirectoryPublisher,
    api: undefined as Directory | undefined,
    logs: [] as string[],
    /** An API instance on its own connection; it checks the version whenever asked. */
    instance(options: Partial<DirectoryOptions> = {}): Directory {
      return (context.api = new Directory(context.apiDb, { now: clock.now, checkIntervalMs: 0, logger, ...options }));
    },
    stored: () =>
      context.workerDb.query<{ version: string; services: number; bytes: number }>(
        'SELECT version, services, bytes FROM directory_indexes ORDER BY id',
      ),
    /** Where each version this test's instances loaded came from. */
    loadedFrom: () =>
      context.logs
        .filter((l) => l.includes('directory index loaded'))
        .map((l) => (JSON.parse(l) as { from: string }).from),
  };
  const logger = createLogger({
    level: 'info',
    destination: new Writable({ write: (chunk, _enc, done) => done(void context.logs.push(String(chunk))) }),
  });
  let drop: () => Promise<void>;
  beforeEach(async () => {
    context.logs.length = 0;
    let connect: () => Promise<Db>;
    if (pgUrl) {
      const schema = await createPgSchema(pgUrl);
      connect = () => openDb({ url: schema.url });
      drop = schema.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'rk-dirindex-'));
      connect = () => openDb({ file: join(dir, 'db.sqlite') });
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    context.workerDb = await connect();
    await migrate(context.workerDb);
    await write(context.workerDb, services, clock);
    context.apiDb = await connect();
    context.publisher = new DirectoryPublisher(context.workerDb, { now: clock.now, logger });
  });
  afterEach(async () => {
    await context.api?.close();
    context.api = undefined;
    await context.publisher.stop();
    await context.apiDb.close();
    await context.workerDb.close();
    await drop();
  });
  return context;
}
