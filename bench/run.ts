// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in its own process, then
// gathers the sections they wrote to bench/results/*.md into bench/results.md with the machine they ran on.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--expose-gc', join(dir, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}

const sections = existsSync(join(dir, 'results'))
  ? readdirSync(join(dir, 'results'))
      .filter((f) => f.endsWith('.md'))
      .sort()
  : [];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const body = sections.map((f) => readFileSync(join(dir, 'results', f), 'utf8').trim()).join('\n\n');
writeFileSync(
  join(dir, 'results.md'),
  `# Benchmark results\n\nMachine: ${machine}. Regenerate with \`npm run bench\`.\n\n${body}\n`,
);
console.log(`\nwrote bench/results.md (${sections.length} sections)`);
process.exit(failed ? 1 : 0);
