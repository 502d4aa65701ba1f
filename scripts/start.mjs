// `npm start`: build the embed bundle when it is missing or older than its sources, then run the reference server
// (from its TypeScript sources, through tsx with the "source" export condition) on embedded SQLite in ./data,
// seeded with demo data on first run. Set SKIP_BUILD=1 to start without building.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'packages/widgets/dist/referral-kit.js');
/** What the bundle is built from: a change to any of these makes it stale. */
const inputs = [
  'packages/sdk/src',
  'packages/widgets/src',
  'rollup.config.mjs',
  'package.json',
  'packages/sdk/package.json',
  'packages/widgets/package.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function bundleIsStale() {
  if (!existsSync(bundle)) return 'the embed bundle has not been built yet';
  const built = statSync(bundle).mtimeMs;
  const changed = inputs.find((input) => newestMtime(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stale = process.env.SKIP_BUILD ? null : bundleIsStale();
  if (stale) {
    process.stdout.write(`Building (${stale}): npm run build …\n`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      process.stderr.write(
        '\nThe build failed, so the example pages would have no widget. Fix the build, or start the API alone with SKIP_BUILD=1 npm start.\n',
      );
      process.exit(build.status ?? 1);
    }
  }
  const tsx = import.meta.resolve('tsx');
  const server = spawn(
    process.execPath,
    ['--conditions=source', '--import', tsx, join(root, 'packages/server/src/main.ts')],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  // Ctrl+C reaches the whole process group, the child included: just outlive it. A SIGTERM sent to this process
  // alone is passed on. Either way the child shuts down gracefully, and we exit with its code.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => server.kill('SIGTERM'));
  server.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
}
