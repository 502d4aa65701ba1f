// Server bench: custody lookups and services searches under load (autocannon on loopback) against the real server
// in its own process, on an embedded SQLite file seeded with a larger deterministic dataset.
// Writes bench/results/server.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFixtures } from '@referral-kit/mocks';
import { migrate, openDb } from '../packages/server/src/db/index.js';
import { seedDemo } from '../packages/server/src/db/seed.js';
import { importCustody } from '../packages/server/src/import/custody-import.js';
import { createInsightsCounter } from '../packages/server/src/insights/counter.js';
import { createLogger } from '../packages/server/src/logger.js';
import { custodyPaths as custodyLookupPaths, servicePaths } from './load-paths.js';
import { autocannon, type LoadResult } from './autocannon.js';
import { freePort, waitForReady } from './processes.js';

const SERVICES = 2_000;
const CUSTODY = 20_000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const INSIGHTS_ROUNDS = Number(process.env.BENCH_INSIGHTS_ROUNDS ?? 5);
const ROUND_S = Math.max(2, Math.round(DURATION_S / 2));
const root = fileURLToPath(new URL('..', import.meta.url));

const loadAtStart = loadavg()[0] ?? 0;
const dir = mkdtempSync(join(tmpdir(), 'rk-server-bench-'));
const fixtures = generateFixtures({ seed: 11, services: SERVICES, custody: CUSTODY });
const db = await openDb({ file: join(dir, 'referral-kit.sqlite') });
await migrate(db);
const seedStart = performance.now();
await seedDemo(db, new Date(), fixtures);
const seedMs = performance.now() - seedStart;
await db.close();

// Import speed on a separate file: a 20k-row feed of new people, then the same feed again (nothing changes).
const importDb = await openDb({ file: join(dir, 'import.sqlite') });
await migrate(importDb);
const feed = [
  'identifier,display_name,status,updated_at',
  ...Array.from({ length: CUSTODY }, (_, i) => `F-${i},Feed Person ${i},in-custody,2026-11-28T10:00:00Z`),
].join('\n');
const timed = async () => {
  const start = performance.now();
  const report = await importCustody(importDb, feed, 'feed.csv', { massChangeShare: 0.05, now: () => new Date() });
  return { ms: performance.now() - start, outcome: report.outcome };
};
const firstImport = await timed();
const reImport = await timed();
await importDb.close();

/** The server from `entry` in its own process on the seeded folder; resolves once it answers /readyz. */
async function serverProcess(entry: string): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', import.meta.resolve('tsx'), join(root, entry)],
    {
      // The per-address lookup limit would turn a one-address load test into a 429 test.
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        ALERTS_DISPATCH_INTERVAL_MS: '60000',
        CUSTODY_LOOKUPS_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const base = `http://127.0.0.1:${port}`;
  await waitForReady(base).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { base, stop };
}

const server = await serverProcess('packages/server/src/main.ts');
// The same server without insights counting, for the comparison below (both on the same database).
const uncounted = await serverProcess('bench/server-without-insights.ts').catch(async (error: unknown) => {
  await server.stop();
  throw error;
});
try {
  const custodyPaths = custodyLookupPaths(fixtures);

  await run('warm-up', server.base, [...custodyPaths.slice(0, 20), ...servicePaths], 2);
  const custody = await run('custody lookup', server.base, custodyPaths, DURATION_S);
  const services = await run('services search', server.base, servicePaths, DURATION_S);

  // Insights counting on vs off: the two servers take turns (on, off, on, off, …) on the same mix of counted
  // requests, so load from elsewhere on the machine falls on both alike; the medians are compared.
  const counted = [...custodyPaths.slice(0, 100), ...servicePaths];
  // The counted server is warm from the scenarios above; the other gets as long a warm-up, and the order alternates.
  await run('warm-up (no insights)', uncounted.base, counted, 2 * DURATION_S);
  const rounds: { on: number[]; off: number[] } = { on: [], off: [] };
  for (let i = 0; i < INSIGHTS_ROUNDS; i++) {
    const on = () => run(`insights on, round ${i + 1}`, server.base, counted, ROUND_S);
    const off = () => run(`insights off, round ${i + 1}`, uncounted.base, counted, ROUND_S);
    if (i % 2 === 0) {
      rounds.on.push((await on()).requests.average);
      rounds.off.push((await off()).requests.average);
    } else {
      rounds.off.push((await off()).requests.average);
      rounds.on.push((await on()).requests.average);
    }
  }
  const countUs = await timeOfCount();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cost = (1 - median(rounds.on) / median(rounds.off)) * 100;
  const perRound = (xs: number[]) => xs.map((x) => Math.round(x).toLocaleString('en-US')).join(', ');

  const row = (name: string, r: LoadResult) =>
    `| ${name} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.latency.max} | ${r.non2xx + r.errors + r.timeouts} |`;
  const md = `## Server under load (\`bench/server.bench.ts\`)

The reference server in its own process (\`packages/server/src/main.ts\` via tsx), embedded SQLite (WAL) in a temp
folder seeded with ${SERVICES.toLocaleString('en-US')} services and ${CUSTODY.toLocaleString('en-US')} custody records (seeding took ${(seedMs / 1000).toFixed(1)} s).
autocannon on loopback from the bench process, ${CONNECTIONS} connections, ${DURATION_S} s per scenario after a 2 s warm-up.
Custody lookup cycles through ${custodyPaths.length} requests (a third each: name search, ID number search, record by id);
services search cycles through ${servicePaths.length} queries (text, Spanish, ZIP and point distance, filters, open now) on the SDK engine.

| scenario | requests/s (mean) | p50 ms | p97.5 ms | p99 ms | max ms | errors / non-2xx |
| --- | --- | --- | --- | --- | --- | --- |
${row('custody lookup', custody)}
${row('services search', services)}

Load generator and server share the machine's cores, so these are lower bounds for a dedicated host. The 1-minute
load average when the run started was ${loadAtStart.toFixed(1)} on ${cpus().length} cores (other work on the machine slows every figure).

| import (SQLite, \`importCustody\`) | time |
| --- | --- |
| ${CUSTODY.toLocaleString('en-US')}-row custody feed, all new (${firstImport.outcome}) | ${(firstImport.ms / 1000).toFixed(1)} s |
| the same feed again (${reImport.outcome}) | ${(reImport.ms / 1000).toFixed(1)} s |

### What insights counting costs

The same server with and without counting for the insights reports (\`countInsights: false\`,
\`bench/server-without-insights.ts\`), taking turns (in alternating order) for ${INSIGHTS_ROUNDS} rounds of ${ROUND_S} s on ${counted.length} counted
requests (custody lookups and services searches). Target: counting costs under 5 % of throughput.

| insights counting | requests/s per round | median |
| --- | --- | --- |
| on | ${perRound(rounds.on)} | ${Math.round(median(rounds.on)).toLocaleString('en-US')} |
| off | ${perRound(rounds.off)} | ${Math.round(median(rounds.off)).toLocaleString('en-US')} |

In-process, one \`count()\` (what a counted request adds before its answer leaves; the database write is batched every
few seconds) takes ${countUs.toFixed(2)} µs: at the uncounted median of ${Math.round(median(rounds.off))} requests/s on one Node thread that is
${((countUs / 1e6) * median(rounds.off) * 100).toFixed(3)} % of the thread's time.

Throughput with counting: ${cost >= 0 ? `${cost.toFixed(1)} % lower` : `${(-cost).toFixed(1)} % higher (noise)`} than without.
`;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/server.md'), md);
  process.stdout.write(md);
  if (custody.non2xx + custody.errors + services.non2xx + services.errors > 0) process.exitCode = 1;
} finally {
  await server.stop();
  await uncounted.stop();
  rmSync(dir, { recursive: true, force: true });
}

function run(title: string, base: string, paths: string[], duration: number): Promise<LoadResult> {
  process.stdout.write(`${title}: ${duration} s …\n`);
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
}

/** Microseconds per insights count() with a search's dimensions (the counter's own work, no database). */
async function timeOfCount(): Promise<number> {
  const noDb = {} as Parameters<typeof createInsightsCounter>[0];
  const counter = createInsightsCounter(noDb, {
    now: () => new Date(),
    logger: createLogger({ level: 'silent' }),
    partners: [],
  });
  const dims = { partner: '', topic: 'shelter', language: 'es', state: 'TX', zip3: '770', outcome: 'matched' };
  const n = 200_000;
  for (let i = 0; i < 10_000; i++) counter.count('search', dims);
  const start = performance.now();
  for (let i = 0; i < n; i++) counter.count('search', dims);
  return ((performance.now() - start) * 1000) / n;
}
