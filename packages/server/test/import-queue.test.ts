// The imports queue: a job is claimed by one worker only, even with three claiming at once; a killed worker's job is
// claimed again once its lease ran out (and the late worker can no longer touch it); the worker records the report,
// or the reason it failed; `import … --queue` and `import job <id>` from the CLI.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { createLogger } from '../src/logger.js';
import {
  MAX_ATTEMPTS,
  claimImportJob,
  enqueueImport,
  finishImportJob,
  getImportJob,
  renewImportLease,
  runNextImportJob,
  type ImportJob,
} from '../src/import/queue.js';
import { runImport } from '../src/import/run.js';
import { startImportThreads } from '../src/import/import-thread.js';
import { EXIT, runCli } from '../src/cli.js';
import { createPgSchema, startTestServer } from './server-harness.js';
import { MINUTE, START, testClock } from './clock.js';

const LEASE = 5 * MINUTE;
const at = (ms: number) => new Date(START + ms);
const CHOICES = { replace: false, skipInvalid: false, confirmMassChange: false, massChangeShare: 0.05 };
const FEED = [
  'identifier,display_name,status,updated_at',
  ...Array.from({ length: 30 }, (_, i) => `Q-${i},Queued Person ${i},in-custody,2026-11-28T10:00:00Z`),
].join('\n');

describe('imports queue', () => {
  let db: Db;
  let dir: string;
  let dbUrl: string | undefined;
  let dropSchema: (() => Promise<void>) | undefined;
  const logger = createLogger({ level: 'silent' });
  // With TEST_DATABASE_URL the same tests run on a PostgreSQL schema of their own.
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rk-queue-'));
    const pg = process.env.TEST_DATABASE_URL ? await createPgSchema(process.env.TEST_DATABASE_URL) : undefined;
    dbUrl = pg?.url;
    dropSchema = pg?.drop;
    db = await openDb(pg ? { url: pg.url } : { file: join(dir, 'referral-kit.sqlite') });
    await migrate(db);
  });
  afterEach(async () => {
    await db.close();
    await dropSchema?.();
    rmSync(dir, { recursive: true, force: true });
  });
  const queue = (source: string, when = at(0)) =>
    enqueueImport(db, { kind: 'custody', source, options: CHOICES, submittedBy: 'ops' }, when);
  /** A worker's queue options, running imports as the server does. */
  const worker = (now: () => Date) => ({
    db,
    now,
    logger,
    run: (job: ImportJob) => runImport(db, job.kind, job.source, { ...job.options, now }),
  });

  it('gives each job to one of three workers claiming at once, oldest first', async () => {
    const first = await queue('/feeds/a.csv', at(0));
    const second = await queue('/feeds/b.csv', at(MINUTE));
    const claims = await Promise.all([1, 2, 3].map(() => claimImportJob(db, at(2 * MINUTE), LEASE)));
    const claimed = claims.filter((c) => c !== null);
    assert.deepEqual(claimed.map((c) => c.id).sort(), [first, second].sort());
    assert.equal(claims.filter((c) => c === null).length, 1);
    assert.deepEqual(
      claimed.map((c) => [c.status, c.attempts]),
      [
        ['running', 1],
        ['running', 1],
      ],
    );
    assert.equal(await claimImportJob(db, at(3 * MINUTE), LEASE), null, 'nothing left while the leases run');
  });

  it("claims a killed worker's job again once its lease ran out, and the late worker can no longer touch it", async () => {
    const id = await queue('/feeds/a.csv');
    const dead = (await claimImportJob(db, at(0), LEASE))!;
    assert.equal(await claimImportJob(db, at(LEASE - MINUTE), LEASE), null);
    const again = (await claimImportJob(db, at(LEASE + MINUTE), LEASE))!;
    assert.deepEqual([again.id, again.attempts], [id, 2]);
    assert.equal(await renewImportLease(db, dead, at(LEASE + 2 * MINUTE), LEASE), false);
    await finishImportJob(db, dead, { error: 'late' }, at(LEASE + 2 * MINUTE));
    assert.equal((await getImportJob(db, id))!.status, 'running', "the late worker's result is ignored");
    assert.equal(await renewImportLease(db, again, at(LEASE + 2 * MINUTE), LEASE), true);
    assert.equal(await claimImportJob(db, at(2 * LEASE + MINUTE), LEASE), null, 'the renewed lease holds');
  });

  it(`gives a job up after ${MAX_ATTEMPTS} workers died running it`, async () => {
    const id = await queue('/feeds/a.csv');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
      assert.ok(await claimImportJob(db, at(attempt * 2 * LEASE), LEASE));
    assert.equal(await claimImportJob(db, at(MAX_ATTEMPTS * 2 * LEASE), LEASE), null);
    const job = (await getImportJob(db, id))!;
    assert.equal(job.status, 'failed');
    assert.match((job.report as { error: string }).error, /Stopped 3 times/);
  });

  it('runs the import and records its report; a missing file fails the job with the reason', async () => {
    const clock = testClock();
    const file = join(dir, 'feed.csv');
    writeFileSync(file, FEED);
    const id = await queue(file);
    const missing = await queue(join(dir, 'nowhere.csv'), at(MINUTE));
    const options = worker(clock.now);
    assert.equal(await runNextImportJob(options), true);
    const done = (await getImportJob(db, id))!;
    assert.equal(done.status, 'done');
    assert.deepEqual(
      [
        done.report && 'outcome' in done.report && done.report.outcome,
        done.report && 'inserted' in done.report && done.report.inserted,
      ],
      ['applied', 30],
    );
    const [records] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM custody_records');
    assert.equal(Number(records!.n), 30);

    assert.equal(await runNextImportJob(options), true);
    const failed = (await getImportJob(db, missing))!;
    assert.equal(failed.status, 'failed');
    assert.match((failed.report as { error: string }).error, /ENOENT|no such file/);
    assert.equal(await runNextImportJob(options), false, 'none left');
  });

  it('runs each import in a thread of its own, on the clock it is given; a file problem fails the job with the reason', async () => {
    const clock = testClock();
    const threads = startImportThreads(db, clock.now, 2);
    const file = join(dir, 'feed.csv');
    writeFileSync(file, FEED);
    const id = await queue(file);
    const missing = await queue(join(dir, 'nowhere.csv'), at(MINUTE));
    const options = { db, now: clock.now, logger, run: (job: ImportJob) => threads.run(job) };
    assert.equal(await runNextImportJob(options), true);
    const done = (await getImportJob(db, id))!;
    assert.equal(done.status, 'done');
    assert.equal(done.report && 'inserted' in done.report && done.report.inserted, 30);
    const [entry] = await db.query<{ started_at: string }>('SELECT started_at FROM imports');
    const startedAt = Date.parse(entry!.started_at);
    assert.ok(startedAt >= START && startedAt < START + MINUTE, `started on the test's clock: ${entry!.started_at}`);

    assert.equal(await runNextImportJob(options), true);
    const failed = (await getImportJob(db, missing))!;
    assert.equal(failed.status, 'failed');
    assert.match((failed.report as { error: string }).error, /nowhere\.csv/);
    await threads.stop();
  });

  it('opens the database again in each import thread, so it refuses an in-memory one', async () => {
    const memory = await openDb({ file: ':memory:' });
    try {
      assert.throws(() => startImportThreads(memory, () => at(0), 2), /in-memory database/);
    } finally {
      await memory.close();
    }
  });

  it('stops a threaded import with the server and leaves its job to its lease', async () => {
    const threads = startImportThreads(db, () => at(0), 2);
    const file = join(dir, 'big.csv');
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `B-${i},Big Feed Person ${i},in-custody,2026-11-28T10:00:00Z`,
    );
    writeFileSync(file, ['identifier,display_name,status,updated_at', ...rows].join('\n'));
    const id = await queue(file);
    const ran = runNextImportJob({ db, now: () => at(0), logger, run: (job) => threads.run(job) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await threads.stop();
    assert.equal(await ran, true);
    const job = (await getImportJob(db, id))!;
    assert.deepEqual([job.status, job.attempts], ['running', 1]);
    assert.equal(await claimImportJob(db, at(LEASE + 1), LEASE).then((again) => again?.id), id);
  });

  it('queues from the CLI and shows the job and, once run, its report', async () => {
    const file = join(dir, 'feed.csv');
    writeFileSync(file, FEED);
    const env = { DATA_DIR: dir, SEED_DEMO: 'false', ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) };
    let stdout = '';
    const io = {
      env,
      stdout: (t: string) => void (stdout += t),
      stderr: { write: () => true, isTTY: false },
      now: () => at(0),
    };
    assert.equal(await runCli(['import', 'custody', file, '--queue', '--by', 'night-shift'], io), EXIT.ok);
    const id = /job ([0-9a-f-]{36})/.exec(stdout)![1]!;
    const [records] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM custody_records');
    assert.equal(Number(records!.n), 0, 'nothing imported inline');
    stdout = '';
    assert.equal(await runCli(['import', 'job', id], io), EXIT.ok);
    assert.match(stdout, /QUEUED \(queued .* by night-shift, attempts 0\)/);
    await runNextImportJob(worker(() => at(MINUTE)));
    stdout = '';
    assert.equal(await runCli(['import', 'job', id], io), EXIT.ok);
    assert.match(stdout, /DONE/);
    assert.match(stdout, /custody import of feed\.csv: APPLIED/);
    assert.equal(await runCli(['import', 'job', 'no-such-job'], io), EXIT.error);
  });

  it('is run by the worker role', async () => {
    const file = join(dir, 'feed.csv');
    writeFileSync(file, FEED);
    await db.close(); // the worker opens the same database
    const worker = await startTestServer(
      { SEED_DEMO: 'false', ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) },
      { dir, role: 'worker' },
    );
    try {
      const id = await enqueueImport(
        worker.db,
        { kind: 'custody', source: file, options: CHOICES, submittedBy: 'ops' },
        at(0),
      );
      let job = await getImportJob(worker.db, id);
      for (let tries = 0; job?.status !== 'done' && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await getImportJob(worker.db, id);
      }
      assert.equal(job?.status, 'done');
    } finally {
      await worker.stop();
      db = await openDb(dbUrl ? { url: dbUrl } : { file: join(dir, 'referral-kit.sqlite') });
    }
  });
});
