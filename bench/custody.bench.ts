// Custody lookup at national scale (issue 14): 5M custody records on PostgreSQL, seeded by INSERT … SELECT
// generate_series (deterministic), then lookups by name, A-number, name + country + birth year, and later pages by
// cursor, through the HTTP API of the real server in its own process, under concurrent load (autocannon in this
// process, on the same cores). Target: p99 ≤ 50 ms. Needs PostgreSQL: TEST_DATABASE_URL or REFERRAL_KIT_POSTGRES_URL.
// Keeps the seeded records in the schema bench_custody_5m for the next run. Writes bench/results/custody.md.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { countryKey, IdentifierType } from '@referral-kit/sdk';
import { custodySortName, decodeCustodyCursor } from '@referral-kit/sdk/custody-search';
import { migrate, openDb } from '../packages/server/src/db/index.js';
import { getCustodyRecord, searchCustodyRecords } from '../packages/server/src/db/custody-store.js';
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

// Rare surnames: every RARE_EVERY-th person's second last name is made of three syllables picked from their number,
// so each such name is shared by about a dozen people spread through the sort order.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ru',
  'te',
  'zo',
  'ni',
  'va',
  'shu',
  'pe',
  'do',
  'ga',
  'fi',
  'xa',
  'ye',
  'bo',
  'qui',
  'na',
  'to',
  'li',
];
const RARE_EVERY = 50;

// The i-th person, the same way in SQL (below) and here (to build queries that find real people). Each name part is
// picked by its own multiplicative hash of i, so first and last names are not correlated with each other or with the
// sort order (a correlated generator makes the planner's "walk the sorted index" estimate look worse than real data).
// The pick is skewed as real names are: index k is taken with probability sqrt((k+1)/n) − sqrt(k/n), so the first
// name of the list is held by 13% of people (José: ~650,000), the last by 0.4%.
const pick = (i: number, multiplier: bigint, n: number) => {
  const h = ((BigInt(i) * multiplier) % 4294967296n) / 65536n;
  return Number((h * h * BigInt(n)) / 4294967296n);
};
const pickSql = (multiplier: bigint, n: string) =>
  `1 + (((i * ${multiplier}) % 4294967296) / 65536) * (((i * ${multiplier}) % 4294967296) / 65536) * ${n}::bigint / 4294967296`;
const rareOf = (i: number) => {
  const j = Math.floor(i / RARE_EVERY);
  const name = [j % 20, Math.floor(j / 20) % 20, Math.floor(j / 400) % 20].map((k) => SYLLABLES[k]!).join('');
  return name[0]!.toUpperCase() + name.slice(1);
};
const rareSql = `initcap(($13::text[])[1 + (i / ${RARE_EVERY}) % 20] || ($13::text[])[1 + (i / ${RARE_EVERY} / 20) % 20] || ($13::text[])[1 + (i / ${RARE_EVERY} / 400) % 20])`;
const firstOf = (i: number) => FIRST[pick(i, 2654435761n, FIRST.length)]!;
const lastOf = (i: number) => LAST[pick(i, 2246822519n, LAST.length)]!;
const secondLastOf = (i: number) => (i % RARE_EVERY === 0 ? rareOf(i) : LAST[pick(i, 3266489917n, LAST.length)]!);
const countryOf = (i: number) => COUNTRIES[i % COUNTRIES.length]!;
const birthYearOf = (i: number) => 1950 + ((i * 31) % 56);
const aNumberOf = (i: number) => 100_000_000 + i * 7;

/** Bump when the generator changes: a kept schema seeded by another version is seeded again. */
const SEED_VERSION = 2;
// The seeded records stay in a schema of their own between runs (seeding 5M takes minutes): a later run with the same
// size and generator reuses them. `DROP SCHEMA bench_custody_5m CASCADE` to free the space.
const schema = `bench_custody_${RECORDS % 1_000_000 === 0 ? `${RECORDS / 1_000_000}m` : RECORDS}`;
const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
const url = new URL(BASE_URL);
// As an OLTP deployment runs PostgreSQL (see "Running at scale"): no parallel workers or JIT compilation for short
// lookups on a busy 2-core machine (starting either costs more than the lookup itself).
url.searchParams.set('options', `-c search_path=${schema} -c max_parallel_workers_per_gather=0 -c jit=off`);
const loadAtStart = loadavg()[0] ?? 0;
const loadDuring: number[] = [];

let stopServer = async () => {};
try {
  const seeded = await admin
    .query<{ value: string }>(`SELECT value FROM ${schema}.meta WHERE key = 'bench_seed'`)
    .then(({ rows }) => rows[0]?.value === `${SEED_VERSION}:${RECORDS}`)
    .catch(() => false);
  let seeding = 'reused from an earlier run';
  if (!seeded) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    seeding = await seed();
  }
  // Migrations added since the seed apply to the kept records too (an index built over 5M rows takes a while).
  const db = await openDb({ url: url.toString() });
  await migrate(db);
  await db.close();
  const [{ size }] = (
    await admin.query<{ size: string }>(
      `SELECT pg_size_pretty(SUM(pg_total_relation_size(c.oid))) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 't')`,
      [schema],
    )
  ).rows as [{ size: string }];

  const server = await serverProcess(url.toString());
  stopServer = server.stop;

  // Lookups as victims make them, over people spread through the whole table.
  const people = Array.from({ length: 400 }, (_, k) => (k * 12_497 + 3) % RECORDS);
  const q = (params: Record<string, string>) => `/v1/custody?${new URLSearchParams(params)}`;
  const scenarios: { name: string; paths: string[]; note: string }[] = [
    {
      name: 'name: a first name alone',
      note: 'José is 13% of people; first names are one stretch of the sorted index each',
      paths: people.map((i) => q({ name: firstOf(i) })),
    },
    {
      name: 'name: a last name alone',
      note: 'García is a last name of 16% of people, spread through the whole order',
      paths: people.map((i) => q({ name: lastOf(i) })),
    },
    {
      name: 'name: first and last name',
      note: 'from a few hundred to 100,000 matches: first page and a count capped at 1,000',
      paths: people.map((i) => q({ name: `${firstOf(i)} ${lastOf(i)}` })),
    },
    {
      name: 'name: full name, typed in lower case without accents',
      note: 'three words, each a word start',
      paths: people.map((i) => q({ name: custodySortName(`${firstOf(i)} ${lastOf(i)} ${secondLastOf(i)}`) })),
    },
    {
      name: 'name: a rare last name',
      note: 'about a dozen people each, alone or with a first name',
      paths: people.map((i, k) => {
        const rare = i - (i % RARE_EVERY);
        return q({ name: k % 2 ? rareOf(rare) : `${firstOf(rare)} ${rareOf(rare)}` });
      }),
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
      name: 'record by id',
      note: '`GET /v1/custody/{id}`, the primary key',
      // Every 500th person is confidential (answered 404, as an unknown id): the one before instead.
      paths: people.map((i) => `/v1/custody/cus-${String(i % 500 === 499 ? i - 1 : i).padStart(8, '0')}`),
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
  // Later pages: pages 2–5 by cursor of a first name or a last name's first 4 letters, collected before the load.
  const cursorPaths: string[] = [];
  for (const [k, i] of people.slice(0, 60).entries()) {
    let next: string | undefined;
    const name = k % 2 ? lastOf(i).slice(0, 4) : firstOf(i);
    for (let page = 0; page < 5; page++) {
      const path = q({ name, ...(next ? { cursor: next } : {}) });
      if (next) cursorPaths.push(path);
      next = ((await (await fetch(server.base + path)).json()) as { next?: string }).next;
      if (!next) break;
    }
  }
  scenarios.push({
    name: 'later pages by cursor',
    note: 'pages 2–5 of a first name or a last name’s first 4 letters, keyset, no count',
    paths: cursorPaths,
  });

  // The database's share: each scenario's lookups one at a time, straight through the store, without HTTP or load.
  const direct = await openDb({ url: url.toString() });
  const alone = new Map<string, { p50: number; p99: number }>();
  for (const s of scenarios) {
    const times: number[] = [];
    for (const path of s.paths.slice(0, 100)) {
      const { pathname, searchParams: p } = new URL(path, 'http://x');
      const opt = (key: string) => p.get(key) ?? undefined;
      const start = performance.now();
      const id = /^\/v1\/custody\/(.+)$/.exec(pathname)?.[1];
      if (id) await getCustodyRecord(direct, id);
      else
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

  const run = async (paths: string[], duration: number) => {
    const sampler = setInterval(() => loadDuring.push(loadavg()[0] ?? 0), 1000);
    try {
      return await autocannon({
        url: server.base,
        connections: CONNECTIONS,
        duration,
        requests: paths.map((path) => ({ method: 'GET', path })),
      });
    } finally {
      clearInterval(sampler);
    }
  };
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

  const loadRange = () => {
    const sorted = [...loadDuring].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
    return `${(sorted[0] ?? 0).toFixed(1)}–${(sorted.at(-1) ?? 0).toFixed(1)} (mean ${mean.toFixed(1)})`;
  };
  const ok = (r: LoadResult) => r.latency.p99 <= TARGET_P99_MS;
  const failures = (r: LoadResult) => r.non2xx + r.errors + r.timeouts;
  const ms = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
  const row = ({ name, note, r }: (typeof results)[number]) =>
    `| ${name}${note ? ` (${note})` : ''} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${failures(r)} | ${ok(r) ? 'yes' : '**no**'} | ${ms(alone.get(name)?.p50)} / ${ms(alone.get(name)?.p99)} |`;
  const md = `## Custody lookup at 5M records on PostgreSQL (\`bench/custody.bench.ts\`)

${RECORDS.toLocaleString('en-US')} custody records (and as many A-numbers) on PostgreSQL, ${seeding} (${size} on disk), kept
in the schema \`${schema}\` for the next run. The reference server in its own process (\`packages/server/src/main.ts\` via tsx, pool of
10 connections), autocannon on loopback **in the bench process, sharing the same ${cpus().length} cores with the server and
PostgreSQL**, ${CONNECTIONS} connections, ${DURATION_S} s per scenario after a 5 s warm-up. A name search starts from the word
whose parts read least (PostgreSQL's statistics per word position) and reads disjoint parts, each in name order from
an index that holds the name, so the other words are checked in the index and a first page or the count capped at
1,000 stops early (\`postgresNameParts\` in custody-store.ts, migration 020): the people whose first word starts
with it (a range of the keyset index, split by where another word starts a later word: [jose garcia, jose garcib)),
whose second, third or fourth word does (one stretch per distinct word, found by a skip scan, split by the other
words' first names), and longer names. With a country of birth and a birth year, the three years are short stretches
of an index on (country, year, name) (migration 017), read once for the page and the count. A later page reads each
part from the cursor.
A-numbers through their index, records by id through the primary key. The 1-minute load average (other work on the
machine slows every figure) was ${loadAtStart.toFixed(1)} when the run started and ${loadRange()} during the load.
Names: ${FIRST.length} first names and ${LAST.length} last names, each picked with a skew (the most common first name is held by 13% of
people), two last names each; every ${RARE_EVERY}th person's second last name is rare (about a dozen people share it).
Re-run: \`TEST_DATABASE_URL=postgres://… npm run bench -- custody\` (reuses the schema when it holds this seed).

| scenario | requests/s (mean) | p50 ms | p99 ms | max ms | errors / non-2xx | p99 ≤ ${TARGET_P99_MS} ms | store alone p50 / p99 ms |
| --- | --- | --- | --- | --- | --- | --- | --- |
${results.map(row).join('\n')}

"Store alone": the same lookups (the first 100 of each scenario) one at a time through \`searchCustodyRecords\` from the bench
process, no HTTP and no concurrent load: what the database and the query cost by themselves.
`;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/custody.md'), md);
  process.stdout.write(md);
  if (results.some((r) => failures(r.r) > 0)) process.exitCode = 1;
} finally {
  await stopServer();
  await admin.end();
}

/** The server in its own process on the bench's schema; resolves once it answers /readyz. */
async function serverProcess(databaseUrl: string): Promise<{ base: string; stop: () => Promise<void> }> {
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

/**
 * Seeds the bench's schema: migrations, then the rows inserted by the database itself with the secondary indexes
 * dropped, the indexes built once at the end. Says how long it took.
 */
async function seed(): Promise<string> {
  const db = await openDb({ url: url.toString() });
  await migrate(db);
  await db.close();
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
  const second = (names: string) =>
    `CASE WHEN i % ${RARE_EVERY} = 0 THEN ${names === '$4' ? `lower(${rareSql})` : rareSql} ELSE (${names}::text[])[${pickSql(3266489917n, '$10')}] END`;
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
           ($1::text[])[${pickSql(2654435761n, '$9')}] || ' ' || ($3::text[])[${pickSql(2246822519n, '$10')}] || ' ' || ${second('$3')} AS display,
           ($2::text[])[${pickSql(2654435761n, '$9')}] || ' ' || ($4::text[])[${pickSql(2246822519n, '$10')}] || ' ' || ${second('$4')} AS folded
         FROM generate_series($11::bigint, $12::bigint) AS i
       ) people`,
      [
        FIRST,
        FIRST.map(custodySortName),
        LAST,
        LAST.map(custodySortName),
        COUNTRIES,
        COUNTRIES.map(countryKey),
        COUNTRIES.length,
        STATES,
        FIRST.length,
        LAST.length,
        from,
        to,
        SYLLABLES,
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
  // VACUUM too: the visibility map lets the keyset index be read without visiting the table.
  await seeder.query('VACUUM ANALYZE custody_records');
  await seeder.query('VACUUM ANALYZE custody_identifiers');
  await seeder.query(`INSERT INTO meta (key, value) VALUES ('bench_seed', $1)`, [`${SEED_VERSION}:${RECORDS}`]);
  const seedMs = performance.now() - seedStart;
  await seeder.end();
  return `seeded with \`INSERT … SELECT generate_series\` in ${(rowsMs / 1000).toFixed(0)} s plus ${((seedMs - rowsMs) / 1000).toFixed(0)} s building the indexes`;
}
