// Directory search benchmark: this engine against a plain fuse.js baseline, on 1k / 10k / 100k generated services
// (build time, per-query p50/p95 over a mixed query set, memory), then search quality on the judged set.
// Run: `npm run bench search` (writes bench/results/search.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import Fuse from 'fuse.js';
import { generateFixtures, CITIES } from '@referral-kit/mocks';
import { createServiceIndex, loadServiceIndex, type Service } from '@referral-kit/sdk';
import { directory, JUDGED } from '../packages/sdk/test/fixtures/judged-queries.js';
import { evaluate, type Quality } from '../packages/sdk/test/fixtures/evaluate.js';

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
  return [...JUDGED.map((j) => j.q), ...places, ...typed];
}

interface Row {
  size: number;
  engine: string;
  buildMs: number;
  p50: number;
  p95: number;
  /** p95 of the first pass only, before the index's per-word lookup cache has seen any query. */
  coldP95: number;
  heapMb: number;
  queries: number;
}

/** Queries outside the timed set, so the JIT is warm but no timed word has been looked up before the first pass. */
const WARM_UP = [
  'housing help', 'medical clinic', 'grief group', 'inmigracion', 'elder', 'vivienda', 'custody status', 'hospitl', 'advocat',
  'tribunal', 'acoso', 'notificacion', 'gps tracker on my car', 'salud mental', 'apartment', 'wages', 'court', 'kids', 'senior',
  'duelo', 'trauma therapy', 'injured', 'vine', 'papeles', 'asilo', 'shelter in Fresno', 'legal aid 77002', 'refugio en houston',
  'ayuda ahora mismo', 'translator',
];

/** Per-query milliseconds: all passes together, and the first pass alone (sorted). */
function timeQueries(search: (q: string) => unknown, queries: string[], rounds: number): { all: number[]; first: number[] } {
  for (const q of WARM_UP) search(q);
  const all: number[] = [];
  let first: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      search(q);
      all.push(performance.now() - t);
    }
    if (r === 0) first = [...all];
  }
  return { all: all.sort((a, b) => a - b), first: first.sort((a, b) => a - b) };
}

function benchSize(services: Service[], queries: string[]): { rows: Row[]; saved: { jsonKb: number; loadMs: number } } {
  const size = services.length;
  let before = heapMb();
  let t = performance.now();
  const index = createServiceIndex(services);
  const buildMs = performance.now() - t;
  const engineHeap = heapMb() - before;
  const engineTimes = timeQueries((q) => index.search(q), queries, ENGINE_ROUNDS);

  const json = JSON.stringify(index.toJSON());
  t = performance.now();
  loadServiceIndex(JSON.parse(json), services);
  const loadMs = performance.now() - t;

  before = heapMb();
  t = performance.now();
  const fuse = new Fuse(services, { keys: ['name', 'description'] });
  const fuseBuild = performance.now() - t;
  const fuseHeap = heapMb() - before;
  const step = Math.max(1, Math.floor(queries.length / BASELINE_QUERIES[size]!));
  const sample = queries.filter((_, i) => i % step === 0).slice(0, BASELINE_QUERIES[size]);
  const fuseTimes = timeQueries((q) => fuse.search(q, { limit: 20 }), sample, 1);
  return {
    rows: [
      { size, engine: 'referral-kit', buildMs, p50: percentile(engineTimes.all, 0.5), p95: percentile(engineTimes.all, 0.95), coldP95: percentile(engineTimes.first, 0.95), heapMb: engineHeap, queries: engineTimes.all.length },
      { size, engine: 'plain Fuse (name, description)', buildMs: fuseBuild, p50: percentile(fuseTimes.all, 0.5), p95: percentile(fuseTimes.all, 0.95), coldP95: percentile(fuseTimes.first, 0.95), heapMb: fuseHeap, queries: fuseTimes.all.length },
    ],
    saved: { jsonKb: json.length / 1024, loadMs },
  };
}

function quality(): { engine: Quality; baseline: Quality; heldOut: Quality } {
  const index = createServiceIndex(directory);
  const fuse = new Fuse(directory, { keys: ['name', 'description'] });
  const engineSearch = (q: string, o: Parameters<Parameters<typeof evaluate>[0]>[1]) => index.search(q, { ...o, limit: 10 }).map((h) => h.service.id);
  return {
    engine: evaluate(engineSearch),
    baseline: evaluate((q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id)),
    heldOut: evaluate(engineSearch, JUDGED.filter((j) => j.heldOut)),
  };
}

const LOAD = loadavg().map((l) => l.toFixed(1)).join(' / ');
const queries = mixedQueries();
const rows: Row[] = [];
const saved: string[] = [];
for (const size of SIZES) {
  const { services } = generateFixtures({ seed: 2026, services: size, custody: 0 });
  const result = benchSize(services, queries);
  rows.push(...result.rows);
  saved.push(`${size.toLocaleString('en-US')}: ${fmt(result.saved.jsonKb / 1024, 1)} MB JSON, loads in ${fmt(result.saved.loadMs, 0)} ms`);
  const [ours, base] = result.rows;
  console.log(`${size}: engine p50 ${fmt(ours!.p50)} ms p95 ${fmt(ours!.p95)} ms build ${fmt(ours!.buildMs, 0)} ms | fuse p50 ${fmt(base!.p50)} ms p95 ${fmt(base!.p95)} ms`);
}
const q = quality();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const speedup = (size: number) => {
  const [ours, base] = rows.filter((r) => r.size === size);
  return base!.p95 / ours!.p95;
};
const table = [
  '| services | engine | build (ms) | p50 (ms) | p95 (ms) | first-pass p95 (ms) | heap (MB) | timed queries |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.size.toLocaleString('en-US')} | ${r.engine} | ${fmt(r.buildMs, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.coldP95)} | ${fmt(r.heapMb, 1)} | ${r.queries} |`),
];
const qualityRow = (name: string, x: Quality) => `| ${name} | ${x.queries} | ${fmt(x.successAt1, 3)} | ${fmt(x.successAt3, 3)} | ${fmt(x.mrrAt10, 3)} |`;
const md = `## Directory search

Machine: ${machine}. Mixed query set: ${queries.length} queries (the judged queries, "shelter in <city>" and
"legal aid <ZIP>" for each generated city, and three queries typed one keystroke at a time); the engine runs it
${ENGINE_ROUNDS}× (first-pass p95: before any word was looked up once), the baseline a capped sample once.
Data: \`generateFixtures({ seed: 2026 })\` from @referral-kit/mocks. Load average when the bench started: ${LOAD}.

${table.join('\n')}

p95 speed-up over the baseline: ${SIZES.map((s) => `${s.toLocaleString('en-US')}: ${fmt(speedup(s), 0)}×`).join(', ')}.
Saved index (\`index.toJSON()\` → \`loadServiceIndex\`): ${saved.join('; ')}.

Quality on the judged set (${directory.length} services in packages/sdk/test/fixtures/directory.json, ${q.engine.queries}
queries with the ids that belong in the top 3). The baseline is \`new Fuse(services, { keys: ['name', 'description'] })\`;
it cannot use \`near\` or filters, so those queries get its text-only answer.

| engine | queries | success@1 | success@3 | MRR@10 |
| --- | ---: | ---: | ---: | ---: |
${qualityRow('referral-kit', q.engine)}
${qualityRow('plain Fuse (name, description)', q.baseline)}
${qualityRow('referral-kit, held-out queries only', q.heldOut)}

${q.engine.misses.length ? `Engine misses (top 3): ${q.engine.misses.map((m) => `"${m.q}" → ${m.top3.join(', ') || 'nothing'}`).join('; ')}.` : 'The engine has no misses at 3.'}
`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/search.md', import.meta.url), md);
console.log(md);
