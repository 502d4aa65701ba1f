// Checks what npm would publish for each library package: publint (package.json ↔ files) and
// @arethetypeswrong/cli (types resolve for ESM consumers under node16 and bundler resolution).
// Run after `npm run build`. Usage: node scripts/lint-packages.mjs [sdk mocks widgets]
import { spawnSync } from 'node:child_process';

const PACKAGES = ['sdk', 'mocks', 'widgets'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : PACKAGES;

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const CHECKS = [
  // --strict: warnings (e.g. a file the exports map points at but `files` omits) fail too.
  { name: 'publint', args: (dir) => [bin('publint'), '--strict', dir] },
  // esm-only: the packages ship ES modules only, so `require()` resolution (node10, node16-from-CJS) is out of scope.
  {
    name: 'attw',
    args: (dir) => [
      bin('attw'),
      '--pack',
      dir,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      '--no-emoji',
      '--no-color',
    ],
  },
];

const failures = [];
for (const pkg of wanted) {
  const dir = `packages/${pkg}`;
  for (const check of CHECKS) {
    const [cmd, ...args] = check.args(dir);
    const run = spawnSync(cmd, args, { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`.trim();
    if (run.status === 0) {
      console.log(`ok   ${check.name} ${dir}`);
    } else {
      failures.push(`${check.name} ${dir}`);
      console.log(`FAIL ${check.name} ${dir}\n${output.replace(/^/gm, '     ')}`);
    }
  }
}
if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed: ${failures.join('; ')}`);
  process.exit(1);
}
