// `npm run test:postgres`: the server's tests again, on PostgreSQL, when TEST_DATABASE_URL (or .ci/run's
// REFERRAL_KIT_POSTGRES_URL, kept apart so `test:node` still runs them on SQLite) names a server; otherwise it says
// so and passes. Each test server gets its own schema in that database.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const url = process.env.TEST_DATABASE_URL ?? process.env.REFERRAL_KIT_POSTGRES_URL;
if (!url) {
  console.log(
    'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run the server tests on PostgreSQL.',
  );
  process.exit(0);
}
const dir = 'packages/server/test';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `${dir}/${f}`);
const run = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-timeout=60000', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url },
  },
);
process.exit(run.status ?? 1);
