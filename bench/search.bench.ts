// Directory search benchmark: this engine against a plain fuse.js baseline, on 1k / 10k / 100k generated services
// (build time, per-query p50/p95 over a mixed query set, memory), then search quality on the judged set.
// Run: `npm run bench search` (writes bench/results/search.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import Fuse from 'fuse.js';
import { generateFixtures, CITIES } from '@referral-kit/mocks';
import type { Service } from '@referral-kit/sdk';
import { createServiceIndex, loadServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';
import { directory, JUDGED } from '../packages/sdk/test/fixtures/judged-queries.js';
import { evaluate, evaluateByKind, type Quality } from '../packages/sdk/test/fixtures/evaluate.js';

/** The server's configuration: every language's vocabulary. */
const VOCABULARIES = { vocabularies: allVocabularies };
/**
 * Batch 3's first run, per kind (success@3 over its own queries, before any change it prompted): crisis 10/12 (a
 * gun threat with no topic word and "i dont want to live anymore" missed), long sentence 7/11, every other new kind
 * 10/10 or 11/11. Kept here because the engine has since been fixed with those misses in view.
 */
const FIRST_RUN_AT3: Record<string, string> = {
  crisis: '0.833 (batch 3 only)',
  'long sentence': '0.636',
  phone: '1.000',
  organization: '1.000',
  vi: '1.000',
  zh: '1.000',
  ko: '1.000',
  tl: '1.000',
  ar: '1.000',
  ru: '1.000',
  ht: '1.000',
  fr: '1.000',
};

/**
 * Batch 4's first run, per kind (success@3 over its own queries; 46 queries, 0.957 / 0.957 / 0.957 overall). Its two
 * misses ("where can i stay tonight with my kids" read as child abuse; Russian "мне негде ночевать", a word for
 * spending the night the vocabulary lacks) were left as they are: fixing them would tune the engine to the batch.
 */
const FIRST_RUN_BATCH4_AT3: Record<string, string> = {
  en: '0.900',
  spanish: '1.000',
  vi: '1.000',
  zh: '1.000',
  ko: '1.000',
  tl: '1.000',
  ar: '1.000',
  ru: '0.750',
  ht: '1.000',
  fr: '1.000',
};

const SIZES = [1_000, 10_000, 100_000];
/** The baseline scans every record per query (~65 µs each here): cap its timed queries so the bench ends in minutes. */
const BASELINE_QUERIES: Record<number, number> = { 1_000: 200, 10_000: 40, 100_000: 8 };
const ENGINE_ROUNDS = 3;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** What visitors type: the judged queries, each city by name, and three queries typed one keystroke at a time. */
function mixedQueries(): string[] {
  const typed = ['domestic violence shelter houston', 'abogado para inmigrantes', 'counseling in fresno'].flatMap((q) =>
    Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)),
  );
  const places = CITIES.flatMap((c) => [`shelter in ${c.city}`, `legal aid ${c.postalCode}`]);
  const odd = [
    '',
    '   ',
    'a'.repeat(10_000),
    'help '.repeat(2_000),
    '.*+?^${}()|[]\\',
    '🆘🏠💔',
    '庇护所 shelter',
    'убежище',
    '<script>',
  ];
  return [...JUDGED.map((j) => j.q), ...places, ...typed, ...odd];
}

interface Row {
  size: number;
  engine: string;
  buildMs: number;
  p50: number;
  p95: number;
  rawP95: number;
  /** p95 of the first pass only, before the index's per-word lookup cache has seen any query. */
  coldP95: number;
  heapMb: number;
  queries: number;
}

/** Queries outside the timed set, so the JIT is warm but no timed word has been looked up before the first pass. */
const WARM_UP = [
  'housing help',
  'medical clinic',
  'grief group',
  'inmigracion',
  'elder',
  'vivienda',
  'custody status',
  'hospitl',
  'advocat',
  'tribunal',
  'acoso',
  'notificacion',
  'gps tracker on my car',
  'salud mental',
  'apartment',
  'wages',
  'court',
  'kids',
  'senior',
  'duelo',
  'trauma therapy',
  'injured',
  'vine',
  'papeles',
  'asilo',
  'shelter in Fresno',
  'legal aid 77002',
  'refugio en houston',
  'ayuda ahora mismo',
  'translator',
];

interface Timings {
  /** Per query, the fastest of its passes: its cost with the CPU to itself (this machine is shared). */
  best: number[];
  /** Every pass of every query, as measured. */
  all: number[];
  /** The first pass only: no timed word looked up before. */
  first: number[];
}

/** Per-query milliseconds over `rounds` passes of `queries`, each list sorted. */
function timeQueries(search: (q: string) => unknown, queries: string[], rounds: number): Timings {
  for (const q of WARM_UP) search(q);
  const runs = queries.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, i) => {
      const t = performance.now();
      search(q);
      runs[i]!.push(performance.now() - t);
    });
  }
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return {
    best: sorted(runs.map((r) => Math.min(...r))),
    all: sorted(runs.flat()),
    first: sorted(runs.map((r) => r[0]!)),
  };
}

const row = (size: number, engine: string, buildMs: number, t: Timings, heap: number): Row => ({
  size,
  engine,
  buildMs,
  heapMb: heap,
  queries: t.all.length,
  p50: percentile(t.best, 0.5),
  p95: percentile(t.best, 0.95),
  rawP95: percentile(t.all, 0.95),
  coldP95: percentile(t.first, 0.95),
});

function benchSize(services: Service[], queries: string[]): { rows: Row[]; saved: { jsonKb: number; loadMs: number } } {
  const size = services.length;
  let before = heapMb();
  let t = performance.now();
  const index = createServiceIndex(services, VOCABULARIES);
  const buildMs = performance.now() - t;
  const engineHeap = heapMb() - before;
  const engineTimes = timeQueries((q) => index.search(q), queries, ENGINE_ROUNDS);

  const json = JSON.stringify(index.toJSON());
  t = performance.now();
  loadServiceIndex(JSON.parse(json), services, VOCABULARIES);
  const loadMs = performance.now() - t;

  before = heapMb();
  t = performance.now();
  const fuse = new Fuse(services, { keys: ['name', 'description'] });
  const fuseBuild = performance.now() - t;
  const fuseHeap = heapMb() - before;
  const step = Math.max(1, Math.floor(queries.length / BASELINE_QUERIES[size]!));
  const sample = queries.filter((_, i) => i % step === 0).slice(0, BASELINE_QUERIES[size]);
  const fuseTimes = timeQueries((q) => fuse.search(q, { limit: 20 }), sample, size >= 100_000 ? 1 : 2);
  return {
    rows: [
      row(size, 'referral-kit', buildMs, engineTimes, engineHeap),
      row(size, 'plain Fuse (name, description)', fuseBuild, fuseTimes, fuseHeap),
    ],
    saved: { jsonKb: json.length / 1024, loadMs },
  };
}

function quality(): {
  engine: Quality;
  baseline: Quality;
  batch1: Quality;
  batch2: Quality;
  batch3: Quality;
  batch4: Quality;
  kinds: ReturnType<typeof evaluateByKind>;
} {
  const index = createServiceIndex(directory, VOCABULARIES);
  const fuse = new Fuse(directory, { keys: ['name', 'description'] });
  const engineSearch = (q: string, o: Parameters<Parameters<typeof evaluate>[0]>[1]) =>
    index.search(q, { ...o, limit: 10 }).map((h) => h.service.id);
  return {
    engine: evaluate(engineSearch),
    baseline: evaluate((q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id)),
    batch1: evaluate(
      engineSearch,
      JUDGED.filter((j) => j.heldOut === 1),
    ),
    batch2: evaluate(
      engineSearch,
      JUDGED.filter((j) => j.heldOut === 2),
    ),
    batch3: evaluate(
      engineSearch,
      JUDGED.filter((j) => j.heldOut === 3),
    ),
    batch4: evaluate(
      engineSearch,
      JUDGED.filter((j) => j.heldOut === 4),
    ),
    kinds: evaluateByKind(engineSearch),
  };
}

const LOAD = loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
const queries = mixedQueries();
const rows: Row[] = [];
const saved: string[] = [];
for (const size of SIZES) {
  const { services } = generateFixtures({ seed: 2026, services: size, custody: 0 });
  const result = benchSize(services, queries);
  rows.push(...result.rows);
  saved.push(
    `${size.toLocaleString('en-US')}: ${fmt(result.saved.jsonKb / 1024, 1)} MB JSON, loads in ${fmt(result.saved.loadMs, 0)} ms`,
  );
  const [ours, base] = result.rows;
  console.log(
    `${size}: engine p50 ${fmt(ours!.p50)} ms p95 ${fmt(ours!.p95)} ms build ${fmt(ours!.buildMs, 0)} ms | fuse p50 ${fmt(base!.p50)} ms p95 ${fmt(base!.p95)} ms`,
  );
}
const q = quality();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const speedup = (size: number) => {
  const [ours, base] = rows.filter((r) => r.size === size);
  return base!.p95 / ours!.p95;
};
const table = [
  '| services | engine | build (ms) | p50 (ms) | p95 (ms) | p95, every run (ms) | p95, first pass (ms) | heap (MB) | timed runs |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.size.toLocaleString('en-US')} | ${r.engine} | ${fmt(r.buildMs, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.rawP95)} | ${fmt(r.coldP95)} | ${fmt(r.heapMb, 1)} | ${r.queries} |`,
  ),
];
const qualityRow = (name: string, x: Quality) =>
  `| ${name} | ${x.queries} | ${fmt(x.successAt1, 3)} | ${fmt(x.successAt3, 3)} | ${fmt(x.mrrAt10, 3)} |`;
const md = `## Directory search

Machine: ${machine}. Mixed query set: ${queries.length} queries (the judged queries, "shelter in <city>" and
"legal aid <ZIP>" for each generated city, three queries typed one keystroke at a time, and odd input: empty,
blank, 10 000 characters, regex metacharacters, emoji, other scripts). After a warm-up on other queries, the engine
runs the set ${ENGINE_ROUNDS}×, the baseline a capped sample (twice, once at 100k). p50/p95 take each query's fastest
run (its cost with a CPU to itself: this 2-core machine is shared with other jobs); "every run" is the raw p95 of all
runs, "first pass" the raw p95 before any timed word had been looked up once.
Data: \`generateFixtures({ seed: 2026 })\` from @referral-kit/mocks. Load average when the bench started: ${LOAD}.

${table.join('\n')}

p95 speed-up over the baseline: ${SIZES.map((s) => `${s.toLocaleString('en-US')}: ${fmt(speedup(s), 0)}×`).join(', ')}.
Saved index (\`index.toJSON()\` → \`loadServiceIndex\`): ${saved.join('; ')}.

The engine indexes with all ten vocabularies (\`allVocabularies\`, as the server does).
Quality on the judged set (${directory.length} services in packages/sdk/test/fixtures/directory.json, ${q.engine.queries}
queries with the ids that belong in the top 3). The baseline is \`new Fuse(services, { keys: ['name', 'description'] })\`;
it cannot use \`near\` or filters, so those queries get its text-only answer.

| engine | queries | success@1 | success@3 | MRR@10 |
| --- | ---: | ---: | ---: | ---: |
${qualityRow('referral-kit', q.engine)}
${qualityRow('plain Fuse (name, description)', q.baseline)}
${qualityRow('referral-kit, held-out batch 1 (first run: success@3 0.692; tuned since)', q.batch1)}
${qualityRow('referral-kit, held-out batch 2 (first run: 0.867 / 0.867 / 0.884; only general bugs fixed)', q.batch2)}
${qualityRow('referral-kit, batch 3: ten languages, crisis, phone, organization, long sentences (first run: 0.944 / 0.952 / 0.950)', q.batch3)}
${qualityRow('referral-kit, batch 4: English and four more per other language (first run: 0.957 / 0.957 / 0.957; untouched since)', q.batch4)}

Per kind of query (engine; targets: success@3 ≥ 0.95 overall, ≥ 0.9 in every kind):

| kind | queries | success@1 | success@3 | MRR@10 | batch 3 first run, success@3 | batch 4 first run, success@3 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${q.kinds.map(({ kind, quality: x }) => `| ${kind} | ${x.queries} | ${fmt(x.successAt1, 3)} | ${fmt(x.successAt3, 3)} | ${fmt(x.mrrAt10, 3)} | ${FIRST_RUN_AT3[kind] ?? '–'} | ${FIRST_RUN_BATCH4_AT3[kind] ?? '–'} |`).join('\n')}

${q.engine.misses.length ? `Engine misses (top 3): ${q.engine.misses.map((m) => `"${m.q}" → ${m.top3.join(', ') || 'nothing'}`).join('; ')}.` : 'The engine has no misses at 3.'}
`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/search.md', import.meta.url), md);
console.log(md);
