// Imports bench: a 1M-row custody CSV (generated deterministically, streamed to a temp file) imported with
// `referral-kit import custody` in a child process, which reports its peak RSS. On SQLite the API runs in this
// process meanwhile and takes alert signups, timed one by one: the import's write transactions must never make one
// wait more than 200 ms. On PostgreSQL (TEST_DATABASE_URL, in a schema of its own) the same import is staged with COPY.
// IMPORT_BENCH_ROWS changes the size. Writes bench/results/imports.md.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { FIXTURE_IDS, generateFixtures } from '@referral-kit/mocks/fixtures';
import { loadConfig } from '../packages/server/src/config.js';
import { createLogger } from '../packages/server/src/logger.js';
import { startServer } from '../packages/server/src/main.js';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 1_000_000);
const RSS_LIMIT_MB = 300;
const SIGNUP_LIMIT_MS = 200;
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rk-imports-'));
const feed = join(dir, 'custody.csv');

const FIRST = ['Ana', 'José', 'Mei', 'Omar', 'Lucía', 'Kwame', 'Sofia', 'Darnell', 'Nguyen', 'Fatima', 'Ivan', 'Rosa'];
const LAST = ['García', 'Smith', 'Okafor', 'Martínez Ruiz', 'Chen', 'Haddad', 'Johnson', 'Quispe', 'Kowalski', 'Tran'];
const STATUSES = ['in-custody', 'in-custody', 'in-custody', 'released', 'transferred', 'immigration-detainer'];
const STATES = ['TX', 'CA', 'NY', 'FL', 'IL', 'AZ'];

/** Row i of the feed: the same file on every run. */
function row(i: number): string {
  const changed = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`;
  return [
    `BK-${String(i).padStart(8, '0')}`,
    'booking',
    FIRST[i % FIRST.length],
    `${LAST[(i >> 3) % LAST.length]}${i % 7 === 0 ? ` ${LAST[i % LAST.length]}` : ''}`,
    1940 + (i % 60),
    STATUSES[i % STATUSES.length],
    `County Jail ${i % 250}`,
    STATES[i % STATES.length],
    changed,
    '2026-11-28T10:00:00Z',
    i % 500 === 0 ? 'yes' : 'no',
  ].join(',');
}

async function writeFeed(): Promise<void> {
  const out = createWriteStream(feed);
  out.write(
    'identifier,identifier_type,first_name,last_name,birth_year,status,facility_name,facility_state,status_changed_at,updated_at,confidential\n',
  );
  for (let i = 0; i < ROWS; i++) if (!out.write(`${row(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

interface ChildRun {
  seconds: number;
  maxRssMb: number;
  report: { outcome: string; rows: number; inserted: number; unchanged: number };
}

/** `referral-kit import custody <feed> --json` in a child process that reports its peak RSS when done. */
async function importInChild(env: Record<string, string>): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(root, 'bench/import-child.ts'),
      'import',
      'custody',
      feed,
      '--json',
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number];
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the import exited with ${code}:\n${stdout.slice(-2000)}`);
  const rss = /^maxRSS (\d+)$/m.exec(stdout);
  const report = JSON.parse(stdout.slice(0, stdout.lastIndexOf('}') + 1)) as ChildRun['report'];
  return { seconds, maxRssMb: Number(rss?.[1] ?? 0) / 1024, report };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
}

/** SQLite: the API in this process takes signups (one every 25 ms) while the child imports into the same file. */
async function sqliteRun(): Promise<{ run: ChildRun; quiet: number[]; signups: number[]; failed: number }> {
  const dataDir = join(dir, 'sqlite');
  mkdirSync(dataDir);
  const env = {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'true',
    ALERTS_SUBSCRIBE_PER_IP_PER_HOUR: '999999',
  };
  const server = await startServer(loadConfig(env), {
    logger: createLogger({ level: 'silent' }),
    fixtures: generateFixtures({ seed: 7, services: 40, custody: 40 }),
  });
  let failed = 0;
  let sent = 0;
  /** Signups one every 25 ms while `going()`, each timed. */
  const signups = async (going: () => boolean): Promise<number[]> => {
    const times: number[] = [];
    while (going()) {
      const i = sent++;
      const started = performance.now();
      const res = await fetch(`${server.url}/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({
          subjectId: FIXTURE_IDS.custody.released,
          channel: 'email',
          contact: `bench-${i}@example.org`,
          language: 'en',
          events: ['release'],
        }),
      });
      await res.arrayBuffer();
      times.push(performance.now() - started);
      if (!res.ok) failed++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return times;
  };
  // The same signups first without an import: what the machine's load alone costs them.
  const quietUntil = performance.now() + 10_000;
  const quiet = await signups(() => performance.now() < quietUntil);
  let importing = true;
  const load = signups(() => importing);
  try {
    const run = await importInChild({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    importing = false;
    return { run, quiet, signups: await load, failed };
  } finally {
    importing = false;
    await load;
    await server.close();
  }
}

async function postgresRun(url: string): Promise<ChildRun> {
  const schema = `rk_bench_imports_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return await importInChild({ DATABASE_URL: scoped.toString(), SEED_DEMO: 'false' });
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const line = (name: string, run: ChildRun) =>
  `| ${name} | ${run.report.outcome}, ${run.report.inserted} inserted | ${run.seconds.toFixed(1)} s | ${Math.round(run.report.rows / run.seconds)} | ${run.maxRssMb.toFixed(0)} MB${run.maxRssMb < RSS_LIMIT_MB ? '' : ' ✗'} |`;

try {
  let started = performance.now();
  await writeFeed();
  const feedMb = statSync(feed).size / 2 ** 20;
  console.log(
    `feed: ${ROWS} rows, ${feedMb.toFixed(0)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const sqlite = await sqliteRun();
  console.log(`SQLite: ${JSON.stringify(sqlite.run)}`);
  const sorted = [...sqlite.signups].sort((a, b) => a - b);
  const maxSignup = sorted.at(-1) ?? 0;
  const p99 = percentile(sorted, 99);
  console.log(`signups during the import: ${sorted.length}, p99 ${p99.toFixed(1)} ms, max ${maxSignup.toFixed(1)} ms`);
  const quiet = [...sqlite.quiet].sort((a, b) => a - b);
  const pgUrl = process.env.TEST_DATABASE_URL;
  const postgres = pgUrl ? await postgresRun(pgUrl) : undefined;
  if (postgres) console.log(`PostgreSQL: ${JSON.stringify(postgres)}`);
  else console.log('PostgreSQL import skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run it');

  const section = `## Imports (\`imports.bench.ts\`)

A ${ROWS.toLocaleString('en')}-row custody CSV (${feedMb.toFixed(0)} MB, generated deterministically) imported into an empty
database by \`referral-kit import custody\` in a child process: read as a stream, staged whole (a temporary table;
COPY on PostgreSQL), checked (a person twice, ids, the mass-change guard), merged in chunks. Peak RSS is the child's
\`resourceUsage().maxRSS\` (limit ${RSS_LIMIT_MB} MB). Wall time includes starting Node and tsx.

| database | result | time | rows/s | peak RSS |
| --- | --- | --- | --- | --- |
${line('SQLite (WAL file)', sqlite.run)}
${postgres ? line('PostgreSQL', postgres) : '| PostgreSQL | skipped: no TEST_DATABASE_URL | | | |'}

Alert signups (\`POST /v1/alerts/subscriptions\`, one every 25 ms) answered by the API in another process on the same
SQLite file during the import: ${sorted.length} signups (${sqlite.failed} not 2xx), p50 ${percentile(sorted, 50).toFixed(1)} ms,
p99 ${p99.toFixed(1)} ms, max ${maxSignup.toFixed(1)} ms (limit ${SIGNUP_LIMIT_MS} ms${maxSignup <= SIGNUP_LIMIT_MS ? '' : ' ✗ exceeded'}).
The same signups for 10 s before the import, on the same loaded machine: p50 ${percentile(quiet, 50).toFixed(1)} ms,
p99 ${percentile(quiet, 99).toFixed(1)} ms, max ${(quiet.at(-1) ?? 0).toFixed(1)} ms.
The load generator, the API, the import and (on PostgreSQL) the database share the machine's cores
(load average ${loadavg()[0]!.toFixed(1)} at the end, with other work on the machine).
`;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/imports.md'), section);
  console.log(section);
  if (sqlite.run.maxRssMb >= RSS_LIMIT_MB || (postgres?.maxRssMb ?? 0) >= RSS_LIMIT_MB) process.exitCode = 1;
  if (maxSignup > SIGNUP_LIMIT_MS) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
