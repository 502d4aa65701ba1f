// What the server loads: the demo seed reads the mocks package's fixtures entry, never msw (a test-only library);
// the twilio package (21 MB) loads only when Twilio is used.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Imports `entry` in a fresh Node with a resolve hook that fails on any module of package `refused`; returns what it printed. */
function importRefusing(refused: string, entry: string): { status: number | null; output: string } {
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === '${refused}' || specifier.startsWith('${refused}/')) throw new Error('${refused} was loaded by ' + context.parentURL);
    return next(specifier, context);
  }`;
  const script = `import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    await import(${JSON.stringify(new URL(entry, `file://${ROOT}`).href)});
    console.log('loaded');`;
  const run = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('server dependencies', () => {
  it('starting the server (demo seed included) never loads msw', () => {
    const run = importRefusing('msw', 'packages/server/src/main.ts');
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /loaded/);
  });

  it('starting the server never loads twilio (only a Twilio request or send does)', () => {
    const run = importRefusing('twilio', 'packages/server/src/main.ts');
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /loaded/);
  });

  it('the check itself notices msw (the mocks package root loads it)', () => {
    const run = importRefusing('msw', 'packages/mocks/src/index.ts');
    assert.notEqual(run.status, 0);
    assert.match(run.output, /msw was loaded/);
  });
});
