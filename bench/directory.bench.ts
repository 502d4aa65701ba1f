// Directory re-index bench: the server (bench/directory-server.ts, its own process) holds 100k generated services;
// services searches are served continuously while the directory is re-indexed (one service changed by another
// process, as `referral-kit import services` does), and the requests' latency and the server's event-loop delay are
// recorded in steady state and during the re-index. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
// BENCH_BEFORE=<git ref> also runs that commit's server the same way, for a before/after comparison.
// Run: `npm run bench directory` (writes bench/results/directory.md).
import { fork, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFixtures } from '@referral-kit/mocks';
import { migrate, openDb } from '../packages/server/src/db/index.js';
import type { Db } from '../packages/server/src/db/types.js';
import { seedDemo } from '../packages/server/src/db/seed.js';
import { bumpServicesVersion, writeServices } from '../packages/server/src/db/services-store.js';
import { createPgSchema } from '../packages/server/test/server-harness.js';
import { servicePaths } from './load-paths.js';
import { freePort } from './processes.js';

const SERVICES = Number(process.env.BENCH_DIRECTORY_SERVICES ?? 100_000);
const CONNECTIONS = 10;
const STEADY_S = Number(process.env.BENCH_SECONDS ?? 10);
/** Bounds every load loop, whatever happens to the server. */
const REINDEX_DEADLINE_S = 300;
const root = fileURLToPath(new URL('..', import.meta.url));
const loadAtStart = loadavg();

const paths = servicePaths;

interface Sample {
  ms: number;
  ok: boolean;
}
interface Phase {
  database: string;
  server: string;
  phase: string;
  seconds: number;
  samples: Sample[];
  loop: { maxMs: number; p99Ms: number; busy: number };
  reindexS?: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** `connections` keep-alive loops of GET requests over `paths`, until stopped or past `deadlineS`. */
function load(base: string, deadlineS: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const samples: Sample[] = [];
  const deadline = performance.now() + deadlineS * 1000;
  let running = true;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const done = (ok: boolean) => {
        samples.push({ ms: performance.now() - start, ok });
        resolve();
      };
      get(base + path, { agent }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode === 200));
      }).on('error', () => done(false));
    });
  const loops = Array.from({ length: CONNECTIONS }, async (_, c) => {
    for (let i = c; running && performance.now() < deadline; i++) await one(paths[i % paths.length]!);
  });
  const started = performance.now();
  return {
    async stop(): Promise<{ samples: Sample[]; seconds: number }> {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { samples, seconds: (performance.now() - started) / 1000 };
    },
  };
}

type ChildMessage =
  | { type: 'ready' | 'reset' }
  | { type: 'report'; maxMs: number; p99Ms: number; busy: number }
  | { type: 'version'; version: string };

function serverProcess(env: Record<string, string>, main: string) {
  const child = fork(join(root, 'bench/directory-server.ts'), [], {
    execArgv: ['--conditions=source', '--import', import.meta.resolve('tsx')],
    env: { ...process.env, LOG_LEVEL: 'warn', ALERTS_DISPATCH_INTERVAL_MS: '60000', BENCH_SERVER_MAIN: main, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<ChildMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`the server exited (code ${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    ready: next('ready'),
    ask<T extends 'reset' | 'report' | 'version'>(type: T) {
      const answer = next(type);
      child.send(type);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const fixtures = generateFixtures({ seed: 14, services: SERVICES, custody: 0 });
let renames = 0;

/** What an import in another process does: one service changed, the version stamp bumped. */
async function changeOneService(db: Db): Promise<void> {
  const service = fixtures.services[5]!;
  await db.transaction(async (tx) => {
    await writeServices(
      tx,
      [{ service: { ...service, name: `${service.name} ${++renames}` }, exists: true }],
      new Date().toISOString(),
    );
    await bumpServicesVersion(tx);
  });
}

async function measure(database: string, server: string, db: Db, env: Record<string, string>, main: string) {
  const port = await freePort();
  const child = serverProcess({ ...env, PORT: String(port) }, main);
  const base = `http://127.0.0.1:${port}`;
  const phases: Phase[] = [];
  try {
    const startedAt = performance.now();
    await child.ready;
    process.stdout.write(`${database}, ${server}: ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
    const warm = load(base, 3);
    await new Promise((r) => setTimeout(r, 3000));
    await warm.stop();

    await child.ask('reset');
    const steady = load(base, STEADY_S + 5);
    await new Promise((r) => setTimeout(r, STEADY_S * 1000));
    const steadyRun = await steady.stop();
    phases.push({ database, server, phase: 'steady', ...steadyRun, loop: await child.ask('report') });

    const { version } = await child.ask('version');
    await changeOneService(db);
    await child.ask('reset');
    const changedAt = performance.now();
    const during = load(base, REINDEX_DEADLINE_S);
    let reindexS: number | undefined;
    while (performance.now() - changedAt < REINDEX_DEADLINE_S * 1000) {
      if ((await child.ask('version')).version !== version) {
        reindexS = (performance.now() - changedAt) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const duringRun = await during.stop();
    phases.push({
      database,
      server,
      phase: 'during a re-index',
      ...duringRun,
      loop: await child.ask('report'),
      reindexS,
    });
    for (const p of phases) process.stdout.write(`${row(p)}\n`);
    return phases;
  } finally {
    await child.stop();
  }
}

function row(p: Phase): string {
  const ms = p.samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = p.samples.filter((s) => !s.ok).length;
  const f = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  return `| ${p.database} | ${p.server} | ${p.phase}${p.reindexS !== undefined ? ` (new version served after ${p.reindexS.toFixed(1)} s)` : ''} | ${p.samples.length.toLocaleString('en-US')} | ${Math.round(p.samples.length / p.seconds)} | ${f(percentile(ms, 0.5))} | ${f(percentile(ms, 0.99))} | ${f(ms[ms.length - 1] ?? 0)} | ${failed} | ${f(p.loop.p99Ms)} | ${f(p.loop.maxMs)} | ${Math.round(p.loop.busy * 100)} % |`;
}

/** The server of another commit (BENCH_BEFORE), unpacked inside the repository so it resolves the same packages. */
function serverAt(ref: string): string {
  const dir = join(root, 'node_modules/.cache/rk-directory-bench', ref.replace(/[^\w.-]/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" packages/server | tar -x -C "${dir}"`]);
  return join(dir, 'packages/server/src/main.ts');
}

const servers: Array<[label: string, main: string]> = [
  ...(process.env.BENCH_BEFORE
    ? [[`before (${process.env.BENCH_BEFORE})`, serverAt(process.env.BENCH_BEFORE)] as [string, string]]
    : []),
  ['this code', join(root, 'packages/server/src/main.ts')],
];

const phases: Phase[] = [];
const seedTimes: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'rk-directory-bench-'));
try {
  const seedStart = performance.now();
  const sqlite = await openDb({ file: join(dir, 'referral-kit.sqlite') });
  await migrate(sqlite);
  await seedDemo(sqlite, new Date(), fixtures);
  seedTimes.push(`SQLite ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
  try {
    for (const [label, main] of servers)
      phases.push(...(await measure('SQLite', label, sqlite, { DATA_DIR: dir }, main)));
  } finally {
    await sqlite.close();
  }

  const pgUrl = process.env.TEST_DATABASE_URL;
  if (!pgUrl) process.stdout.write('PostgreSQL: skipped (set TEST_DATABASE_URL to run it)\n');
  else {
    const schema = await createPgSchema(pgUrl);
    const pg = await openDb({ url: schema.url });
    try {
      const pgStart = performance.now();
      await migrate(pg);
      await seedDemo(pg, new Date(), fixtures);
      seedTimes.push(`PostgreSQL ${((performance.now() - pgStart) / 1000).toFixed(0)} s`);
      for (const [label, main] of servers)
        phases.push(...(await measure('PostgreSQL', label, pg, { DATA_DIR: dir, DATABASE_URL: schema.url }, main)));
    } finally {
      await pg.close();
      await schema.drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const md = `## Directory re-index under load (\`bench/directory.bench.ts\`)

${SERVICES.toLocaleString('en-US')} services (\`generateFixtures({ seed: 14 })\`; seeding took ${seedTimes.join(', ')}). The server runs in its own
process (\`bench/directory-server.ts\`: \`main.ts\` plus an IPC probe of \`monitorEventLoopDelay\`, 10 ms resolution);
the load generator is the bench process on the same ${cpus().length} cores: ${CONNECTIONS} keep-alive connections, each sending the next of
${paths.length} services searches (text, Spanish, ZIP and point distance, filters, open now, page 2) as soon as the last is answered.
"steady": ${STEADY_S} s with no change. "during a re-index": one service is changed and the version bumped from the bench process
(as an import in another process does), then load runs until the server serves the new version, and 1 s more.
${servers.length > 1 ? '"before" is the server of that commit: it rebuilt the index on its event loop, and requests waited for it.' : ''}
1-minute load average when the bench started: ${loadAtStart.map((n) => n.toFixed(1)).join(' / ')} (other work on the machine slows every figure).

| database | server | phase | requests | requests/s | p50 ms | p99 ms | max ms | failed | event loop p99 delay ms | event loop max delay ms | event loop busy |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${phases.map(row).join('\n')}
`;
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/directory.md'), md);
process.stdout.write(md);
if (phases.some((p) => p.samples.some((s) => !s.ok))) process.exitCode = 1;
