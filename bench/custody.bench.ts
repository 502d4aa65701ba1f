// Custody lookup at national scale (issue 14): 5M custody records on PostgreSQL, seeded by INSERT … SELECT
// generate_series (deterministic), then lookups by name, A-number, name + country + birth year, and later pages by
// cursor, through the HTTP API of the real server in its own process, under concurrent load (autocannon in this
// process, on the same cores). Target: p99 ≤ 50 ms. Needs PostgreSQL: TEST_DATABASE_URL or REFERRAL_KIT_POSTGRES_URL.
// Works in a schema of its own and drops it afterwards. Writes bench/results/custody.md.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { countryKey, IdentifierType } from '@referral-kit/sdk';
import { custodySortName, decodeCustodyCursor } from '@referral-kit/sdk/custody-search';
import { migrate, openDb } from '../packages/server/src/db/index.js';
import { searchCustodyRecords } from '../packages/server/src/db/custody-store.js';
import { autocannon, type LoadResult } from './autocannon.js';
import { freePort, waitForReady } from './processes.js';

const BASE_URL = process.env.TEST_DATABASE_URL ?? process.env.REFERRAL_KIT_POSTGRES_URL;
if (!BASE_URL) {
  console.log(
    'custody bench skipped: it needs PostgreSQL. Set TEST_DATABASE_URL (or REFERRAL_KIT_POSTGRES_URL)=postgres://user:pass@host/db',
  );
  process.exit(0);
}

const RECORDS = Number(process.env.BENCH_CUSTODY_RECORDS ?? 5_000_000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const TARGET_P99_MS = 50;
const root = fileURLToPath(new URL('..', import.meta.url));

// Names and countries as feeds write them; the folded forms come from the SDK, as the importer stores them.
const FIRST = [
  'José',
  'María',
  'Juan',
  'Ana',
  'Luis',
  'Carmen',
  'Carlos',
  'Rosa',
  'Jorge',
  'Lucía',
  'Miguel',
  'Elena',
  'Pedro',
  'Sofía',
  'Andrés',
  'Isabel',
  'Héctor',
  'Gloria',
  'Raúl',
  'Teresa',
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Aaliyah',
  'DeShawn',
  'Keisha',
  'Tyrone',
  'Ngọc',
  'Minh',
  'Thảo',
  'Huy',
  'Seo-yeon',
  'Ji-ho',
  'Wei',
  'Fatima',
  'Omar',
  'Yusuf',
  'Amina',
  'Rodel',
  'Maricel',
  "D'Andre",
  'Zoë',
  'Renée',
  'François',
  'Jean-Baptiste',
  'Mamadou',
  'Aïcha',
  'Oksana',
  'Dmitri',
  'Olga',
  'Priya',
  'Arjun',
  'Mei',
  'Kwame',
];
const LAST = Array.from({ length: 150 }, (_, i) => {
  const stems = [
    'García',
    'Martínez',
    'Rodríguez',
    'Hernández',
    'López',
    'González',
    'Pérez',
    'Sánchez',
    'Ramírez',
    'Torres',
    'Flores',
    'Rivera',
    'Gómez',
    'Díaz',
    'Cruz',
    'Morales',
    'Reyes',
    'Gutiérrez',
    'Ortiz',
    'Chávez',
    'Smith',
    'Johnson',
    'Williams',
    'Brown',
    'Jones',
    'Miller',
    'Davis',
    'Wilson',
    'Anderson',
    'Taylor',
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Kim',
    'Lee',
    'Park',
    'Wang',
    'Li',
    'Zhang',
    'Haddad',
    'Nasser',
    "O'Brien",
    'Santos',
    'Ibarra',
    'Núñez',
    'Peña',
    'Muñoz',
    'Diallo',
    'Kowalski',
  ];
  return i < stems.length
    ? stems[i]!
    : `${stems[i % stems.length]!}${['a', 'o', 'es'][Math.floor(i / stems.length) - 1]!}`;
});
const COUNTRIES = [
  'México',
  'Guatemala',
  'Honduras',
  'El Salvador',
  'United States',
  'Viêt Nam',
  'Philippines',
  'Haïti',
  'Cuba',
  'Colombia',
  'India',
  'China',
];
const STATES = ['TX', 'CA', 'AZ', 'NM', 'FL', 'NY', 'IL', 'GA', 'WA', 'NJ'];

// The i-th person, the same way in SQL (below) and here (to build queries that find real people). Each name part is
// picked by its own multiplicative hash of i, so first and last names are not correlated with each other or with the
// sort order (a correlated generator makes the planner's "walk the sorted index" estimate look worse than real data).
const pick = (i: number, multiplier: bigint, n: number) =>
  Number((((BigInt(i) * multiplier) % 4294967296n) / 65536n) % BigInt(n));
const firstOf = (i: number) => FIRST[pick(i, 2654435761n, FIRST.length)]!;
const lastOf = (i: number) => LAST[pick(i, 2246822519n, LAST.length)]!;
const secondLastOf = (i: number) => LAST[pick(i, 3266489917n, LAST.length)]!;
const pickSql = (multiplier: bigint, n: string) => `1 + ((i * ${multiplier}) % 4294967296) / 65536 % ${n}::int`;
const countryOf = (i: number) => COUNTRIES[i % COUNTRIES.length]!;
const birthYearOf = (i: number) => 1950 + ((i * 31) % 56);
const aNumberOf = (i: number) => 100_000_000 + i * 7;

const schema = `rk_bench_custody_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const url = new URL(BASE_URL);
url.searchParams.set('options', `-c search_path=${schema}`);
const loadAtStart = loadavg()[0] ?? 0;

let stopServer = async () => {};
try {
  const db = await openDb({ url: url.toString() });
  await migrate(db);
  await db.close();

  // Seeding: secondary indexes dropped, rows inserted by the database itself, indexes built once at the end.
  const seeder = new pg.Client({ connectionString: url.toString() });
  await seeder.connect();
  await seeder.query("SET maintenance_work_mem = '1GB'");
  const seedStart = performance.now();
  const { rows: indexes } = await seeder.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename IN ('custody_records', 'custody_identifiers')
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [schema],
  );
  for (const { indexname } of indexes) await seeder.query(`DROP INDEX ${indexname}`);
  const names = {
    first: FIRST,
    firstFolded: FIRST.map(custodySortName),
    last: LAST,
    lastFolded: LAST.map(custodySortName),
    countries: COUNTRIES,
    countryKeys: COUNTRIES.map(countryKey),
  };
  const CHUNK = 500_000;
  for (let from = 0; from < RECORDS; from += CHUNK) {
    const to = Math.min(RECORDS, from + CHUNK) - 1;
    await seeder.query(
      `INSERT INTO custody_records (id, source_key, data, content_hash, status, confidential, sort_name, birth_year, state,
         source_updated_at, updated_at, country_key, facility_id)
       SELECT id, 'a-number:A' || anum, json_build_object('id', id, 'displayName', display, 'birthYear', byear,
           'countryOfBirth', ($5::text[])[1 + i % $7::int], 'identifiers', json_build_array(json_build_object('type', 'a-number',
           'value', 'A' || anum)), 'status', 'in-custody', 'sourceUpdatedAt', '2026-11-28T10:00:00Z')::text,
         md5(id), 'in-custody', CASE WHEN i % 500 = 499 THEN 1 ELSE 0 END, folded, byear, ($8::text[])[1 + i % 10],
         '2026-11-28T10:00:00Z', '2026-11-28T10:00:00Z', ($6::text[])[1 + i % $7::int], NULL
       FROM (
         SELECT i, 'cus-' || lpad(i::text, 8, '0') AS id, (100000000 + i * 7)::text AS anum, 1950 + (i * 31) % 56 AS byear,
           ($1::text[])[${pickSql(2654435761n, '$9')}] || ' ' || ($3::text[])[${pickSql(2246822519n, '$10')}] || ' ' || ($3::text[])[${pickSql(3266489917n, '$10')}] AS display,
           ($2::text[])[${pickSql(2654435761n, '$9')}] || ' ' || ($4::text[])[${pickSql(2246822519n, '$10')}] || ' ' || ($4::text[])[${pickSql(3266489917n, '$10')}] AS folded
         FROM generate_series($11::bigint, $12::bigint) AS i
       ) people`,
      [
        names.first,
        names.firstFolded,
        names.last,
        names.lastFolded,
        names.countries,
        names.countryKeys,
        COUNTRIES.length,
        STATES,
        FIRST.length,
        LAST.length,
        from,
        to,
      ],
    );
    await seeder.query(
      `INSERT INTO custody_identifiers (value, type, record_id)
       SELECT (100000000 + i * 7)::text, 'a-number', 'cus-' || lpad(i::text, 8, '0') FROM generate_series($1::bigint, $2::bigint) AS i`,
      [from, to],
    );
    process.stdout.write(`seeded ${(to + 1).toLocaleString('en-US')} of ${RECORDS.toLocaleString('en-US')}\n`);
  }
  const rowsMs = performance.now() - seedStart;
  for (const { indexdef } of indexes) await seeder.query(indexdef);
  await seeder.query('ANALYZE custody_records');
  await seeder.query('ANALYZE custody_identifiers');
  const seedMs = performance.now() - seedStart;
  const [{ size }] = (
    await seeder.query<{ size: string }>(
      `SELECT pg_size_pretty(SUM(pg_total_relation_size(c.oid))) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 't')`,
      [schema],
    )
  ).rows as [{ size: string }];
  await seeder.end();

  const server = await serverProcess(url.toString());
  stopServer = server.stop;

  // Lookups as victims make them, over people spread through the whole table.
  const people = Array.from({ length: 400 }, (_, k) => (k * 12_497 + 3) % RECORDS);
  const q = (params: Record<string, string>) => `/v1/custody?${new URLSearchParams(params)}`;
  const scenarios: { name: string; paths: string[]; note: string }[] = [
    {
      name: 'name: first and last name',
      note: 'about a thousand matches each: first page and a capped count',
      paths: people.map((i) => q({ name: `${firstOf(i)} ${lastOf(i)}` })),
    },
    {
      name: 'name: full name, typed in lower case without accents',
      note: 'three words, each a word start: a handful of matches, no count',
      paths: people.map((i) => q({ name: custodySortName(`${firstOf(i)} ${lastOf(i)} ${secondLastOf(i)}`) })),
    },
    {
      name: 'name: one common word',
      note: 'tens of thousands of matches: first page and a count capped at 1,000',
      paths: people.map((i) => q({ name: lastOf(i) })),
    },
    {
      name: 'A-number',
      note: 'with the A, without it, with dashes',
      paths: people.map((i, k) => {
        const digits = String(aNumberOf(i));
        const forms = [`A${digits}`, digits, `A-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`];
        return q({ identifier: forms[k % 3]! });
      }),
    },
    {
      name: 'name + country of birth + birth year',
      note: 'as ICE’s locator asks; country without accents, year ±1',
      paths: people.map((i) =>
        q({
          name: `${firstOf(i)} ${lastOf(i)}`,
          countryOfBirth: countryKey(countryOf(i)).toUpperCase(),
          birthYear: String(birthYearOf(i)),
        }),
      ),
    },
  ];
  // Later pages: each common-word query followed by cursor for 5 pages, collected before the load.
  const cursorPaths: string[] = [];
  for (const i of people.slice(0, 60)) {
    let next: string | undefined;
    const name = lastOf(i).slice(0, 4);
    for (let page = 0; page < 5; page++) {
      const path = q({ name, ...(next ? { cursor: next } : {}) });
      if (next) cursorPaths.push(path);
      next = ((await (await fetch(server.base + path)).json()) as { next?: string }).next;
      if (!next) break;
    }
  }
  scenarios.push({
    name: 'later pages by cursor',
    note: 'pages 2–5 of a 4-letter word start, keyset, no count',
    paths: cursorPaths,
  });

  // The database's share: each scenario's lookups one at a time, straight through the store, without HTTP or load.
  const direct = await openDb({ url: url.toString() });
  const alone = new Map<string, { p50: number; p99: number }>();
  for (const s of scenarios) {
    const times: number[] = [];
    for (const path of s.paths.slice(0, 50)) {
      const p = new URL(path, 'http://x').searchParams;
      const opt = (key: string) => p.get(key) ?? undefined;
      const start = performance.now();
      await searchCustodyRecords(direct, {
        name: opt('name'),
        identifier: opt('identifier'),
        identifierType: IdentifierType.options.find((t) => t === p.get('identifierType')),
        countryOfBirth: opt('countryOfBirth'),
        birthYear: p.has('birthYear') ? Number(p.get('birthYear')) : undefined,
        page: 1,
        pageSize: 20,
        cursor: p.has('cursor') ? decodeCustodyCursor(p.get('cursor')!) : undefined,
      });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (share: number) => times[Math.min(times.length - 1, Math.floor(times.length * share))]!;
    alone.set(s.name, { p50: at(0.5), p99: at(0.99) });
  }
  await direct.close();

  const run = (paths: string[], duration: number) =>
    autocannon({
      url: server.base,
      connections: CONNECTIONS,
      duration,
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
  await run(
    scenarios.flatMap((s) => s.paths.slice(0, 40)),
    5,
  ); // warm-up: plans, caches, JIT
  const results: { name: string; note: string; r: LoadResult }[] = [];
  for (const s of scenarios) {
    process.stdout.write(`${s.name}…\n`);
    results.push({ ...s, r: await run(s.paths, DURATION_S) });
  }
  const mixed = await run(
    scenarios.flatMap((s) => s.paths.slice(0, 60)),
    DURATION_S,
  );
  results.push({ name: 'all of the above, mixed', note: '', r: mixed });

  const ok = (r: LoadResult) => r.latency.p99 <= TARGET_P99_MS;
  const failures = (r: LoadResult) => r.non2xx + r.errors + r.timeouts;
  const ms = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
  const row = ({ name, note, r }: (typeof results)[number]) =>
    `| ${name}${note ? ` (${note})` : ''} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${failures(r)} | ${ok(r) ? 'yes' : '**no**'} | ${ms(alone.get(name)?.p50)} / ${ms(alone.get(name)?.p99)} |`;
  const md = `## Custody lookup at 5M records on PostgreSQL (\`bench/custody.bench.ts\`)

${RECORDS.toLocaleString('en-US')} custody records (and as many A-numbers) on PostgreSQL, seeded with \`INSERT … SELECT generate_series\`
in ${(rowsMs / 1000).toFixed(0)} s plus ${((seedMs - rowsMs) / 1000).toFixed(0)} s building the indexes (${size} on disk), in a schema of
its own dropped afterwards. The reference server in its own process (\`packages/server/src/main.ts\` via tsx, pool of
10 connections), autocannon on loopback **in the bench process, sharing the same ${cpus().length} cores with the server and
PostgreSQL**, ${CONNECTIONS} connections, ${DURATION_S} s per scenario after a 5 s warm-up. Names are found through the GIN index
on the name's words, A-numbers through their index, ordered and paged by keyset (migration 012). The 1-minute load
average when the run started was ${loadAtStart.toFixed(1)} (other work on the machine slows every figure).

| scenario | requests/s (mean) | p50 ms | p99 ms | max ms | errors / non-2xx | p99 ≤ ${TARGET_P99_MS} ms | store alone p50 / p99 ms |
| --- | --- | --- | --- | --- | --- | --- | --- |
${results.map(row).join('\n')}

"Store alone": the same lookups (the first 50 of each scenario) one at a time through \`searchCustodyRecords\` from the bench
process, no HTTP and no concurrent load: what the database and the query cost by themselves.
`;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/custody.md'), md);
  process.stdout.write(md);
  if (results.some((r) => failures(r.r) > 0)) process.exitCode = 1;
} finally {
  await stopServer();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

/** The server in its own process on the bench's schema; resolves once it answers /readyz. */
async function serverProcess(databaseUrl: string): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rk-custody-bench-'));
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', import.meta.resolve('tsx'), join(root, 'packages/server/src/main.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        ALERTS_DISPATCH_INTERVAL_MS: '60000',
        // The per-address lookup limit would turn a one-address load test into a 429 test.
        CUSTODY_LOOKUPS_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  await waitForReady(base, 120_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { base, stop };
}
