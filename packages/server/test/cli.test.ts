// The referral-kit CLI: exit codes an operator (or a cron job) can act on, readable and JSON reports, the
// mass-change guard holding until --confirm-mass-change, and the real executable end to end.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, runCli } from '../src/cli.js';
import { HSDS_EXAMPLES, SKIP_WITHOUT_HSDS } from './shared-hsds.js';
import { START } from './clock.js';

const BIN = fileURLToPath(new URL('../bin/referral-kit.mjs', import.meta.url));
const HEADER = 'identifier,display_name,status,updated_at';
const feed = (released: number) =>
  [
    HEADER,
    ...Array.from(
      { length: 40 },
      (_, i) => `CLI-${i},Cli Person ${i},${i < released ? 'released' : 'in-custody'},2026-11-28T10:00:00Z`,
    ),
  ].join('\n');

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env,
    stdout: (t) => void (stdout += t),
    stderr: { write: (t: string) => ((stderr += t), true), isTTY: false },
  });
  return { code, stdout, stderr };
}

describe('referral-kit CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rk-cli-'));
    env = { DATA_DIR: dir, SEED_DEMO: 'false' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains its usage and refuses unknown commands and bad options', async () => {
    const help = await cli(['--help'], env);
    assert.equal(help.code, EXIT.ok);
    assert.match(help.stdout, /import custody <file>/);
    assert.equal((await cli([], env)).code, EXIT.usage);
    assert.equal((await cli(['frobnicate'], env)).code, EXIT.usage);
    assert.equal((await cli(['import', 'widgets', 'x'], env)).code, EXIT.usage);
    assert.equal((await cli(['import', 'custody'], env)).code, EXIT.usage);
    const badShare = await cli(['import', 'custody', 'x.csv', '--mass-change-share', '7'], env);
    assert.equal(badShare.code, EXIT.usage);
    assert.match(badShare.stderr, /--mass-change-share/);
    assert.equal((await cli(['import', 'custody', 'x.csv', '--bogus'], env)).code, EXIT.usage);
  });

  it('stops with a clear message on bad configuration', async () => {
    const result = await cli(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    assert.equal(result.code, EXIT.config);
    assert.match(result.stderr, /PORT: expected a whole number/);
    assert.match(result.stderr, /DATABASE_URL: expected a postgres:\/\/ URL/);
    assert.doesNotMatch(result.stderr, /mysql:\/\/nope/, 'values are not echoed');
  });

  it('reports a missing or unreadable file without a stack trace', async () => {
    const missing = await cli(['import', 'custody', join(dir, 'nope.csv')], env);
    assert.equal(missing.code, EXIT.error);
    assert.match(missing.stderr, /nope\.csv/);
    assert.match(missing.stderr, /Nothing was applied/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
  });

  it('imports custody, holds a mass change (exit 3) until --confirm-mass-change', async () => {
    const file = join(dir, 'feed.csv');
    writeFileSync(file, feed(0));
    const first = await cli(['import', 'custody', file], env);
    assert.equal(first.code, EXIT.ok, first.stderr);
    assert.match(first.stdout, /inserted: 40/);

    writeFileSync(file, feed(10));
    const held = await cli(['import', 'custody', file], env);
    assert.equal(held.code, EXIT.held);
    assert.match(held.stdout, /HELD: 10 of 40 existing records \(25\.0 %\)/);
    assert.equal((await cli(['import', 'custody', file], env)).code, EXIT.held, 'still held on a plain re-run');
    assert.equal(
      (await cli(['import', 'custody', file, '--mass-change-share', '0.3'], env)).code,
      EXIT.ok,
      'a larger share passes',
    );
  });

  it('rejects invalid rows (exit 2) and prints every one as JSON on request', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${HEADER}\nOK-1,Good Row,in-custody,2026-11-28T10:00:00Z\nBAD-1,,lost,not-a-date\n`);
    const result = await cli(['import', 'custody', file, '--json'], env);
    assert.equal(result.code, EXIT.invalidRows);
    const report = JSON.parse(result.stdout) as { outcome: string; issues: { row: number; field: string }[] };
    assert.equal(report.outcome, 'rejected');
    assert.deepEqual(report.issues.map((i) => `${i.row}:${i.field}`).sort(), [
      '2:display_name',
      '2:status',
      '2:updated_at',
    ]);
    const skipped = await cli(['import', 'custody', file, '--skip-invalid'], env);
    assert.equal(skipped.code, EXIT.ok);
  });

  it('imports services from the HSDS CSV package', { skip: SKIP_WITHOUT_HSDS }, async () => {
    const result = await cli(['import', 'services', join(HSDS_EXAMPLES, 'csv')], env);
    assert.equal(result.code, EXIT.ok, result.stderr);
    assert.match(result.stdout, /APPLIED/);
    assert.match(result.stdout, /locations\.csv row 1 \(line 2\), latitude/);
    assert.match(result.stderr, /Checking services/, 'plain progress lines when stderr is not a terminal');
  });

  it('adds teams and staff accounts, printing a one-time setup link (staff add / link / team add)', async () => {
    const now = () => new Date(START);
    const io = (out: string[]) => ({
      env,
      now,
      stdout: (t: string) => void out.push(t),
      stderr: { write: (t: string) => (out.push(t), true), isTTY: false },
    });
    const out: string[] = [];
    assert.equal(
      await runCli(
        ['staff', 'team', 'add', '--id', 'team-gulf', '--name', 'Gulf', '--states', 'tx,la', '--languages', 'en,es'],
        io(out),
      ),
      EXIT.ok,
    );
    assert.equal(
      await runCli(
        ['staff', 'add', '--email', 'Ana@Example.org', '--name', 'Ana', '--role', 'supervisor', '--team', 'team-gulf'],
        io(out),
      ),
      EXIT.ok,
    );
    const link = /https?:\/\/\S+\/console\/setup#([A-Za-z0-9_-]{43})/.exec(out.join(''));
    assert.ok(link, out.join(''));
    assert.match(out.join(''), /ana@example\.org/);
    assert.match(out.join(''), new RegExp(new Date(START + 72 * 3600_000).toISOString().replace(/\./g, '\\.')));
    const again: string[] = [];
    assert.equal(await runCli(['staff', 'link', '--email', 'ana@example.org'], io(again)), EXIT.ok);
    assert.notEqual(/#(\S+)/.exec(again.join(''))?.[1], link[1], 'a new link replaces the old one');

    const refused: string[] = [];
    assert.equal(
      await runCli(
        ['staff', 'add', '--email', 'ana@example.org', '--name', 'Ana', '--role', 'supervisor', '--team', 'team-gulf'],
        io(refused),
      ),
      EXIT.usage,
    );
    assert.equal(
      await runCli(
        ['staff', 'add', '--email', 'bo@example.org', '--name', 'Bo', '--role', 'wizard', '--team', 'team-gulf'],
        io(refused),
      ),
      EXIT.usage,
    );
    assert.equal(
      await runCli(['staff', 'add', '--email', 'bo@example.org', '--name', 'Bo', '--role', 'specialist'], io(refused)),
      EXIT.usage,
    );
    assert.equal(
      await runCli(
        ['staff', 'add', '--email', 'bo@example.org', '--name', 'Bo', '--role', 'specialist', '--team', 'team-nowhere'],
        io(refused),
      ),
      EXIT.usage,
    );
    assert.equal(await runCli(['staff', 'link', '--email', 'nobody@example.org'], io(refused)), EXIT.error);
    const reset: string[] = [];
    assert.equal(await runCli(['staff', 'sso-reset', '--email', 'Ana@example.org'], io(reset)), EXIT.ok);
    assert.match(reset.join(''), /ana@example\.org was not pinned to a single sign-on identity/);
    assert.equal(await runCli(['staff', 'sso-reset', '--email', 'nobody@example.org'], io(refused)), EXIT.error);
    assert.equal(await runCli(['staff', 'sso-reset'], io(refused)), EXIT.usage);
    assert.match(
      refused.join(''),
      /already an account[\s\S]*--role must be one of[\s\S]*belongs to a team[\s\S]*no team "team-nowhere"[\s\S]*"staff sso-reset" needs --email/,
    );
  });

  it('works as an executable from any directory', () => {
    const file = join(dir, 'exe.csv');
    writeFileSync(
      file,
      [
        HEADER,
        ...Array.from({ length: 10 }, (_, i) => `EXE-${i},Exe Person ${i},in-custody,2026-11-28T10:00:00Z`),
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [BIN, 'import', 'custody', file], {
      cwd: tmpdir(),
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(run.status, EXIT.ok, run.stderr);
    assert.match(run.stdout, /inserted: 10/);
    writeFileSync(
      file,
      [
        HEADER,
        ...Array.from(
          { length: 10 },
          (_, i) => `EXE-${i},Exe Person ${i},${i < 5 ? 'escaped' : 'in-custody'},2026-11-28T10:00:00Z`,
        ),
      ].join('\n'),
    );
    const held = spawnSync(process.execPath, [BIN, 'import', 'custody', file], {
      cwd: tmpdir(),
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(held.status, EXIT.held);
    const confirmed = spawnSync(process.execPath, [BIN, 'import', 'custody', file, '--confirm-mass-change'], {
      cwd: tmpdir(),
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(confirmed.status, EXIT.ok, confirmed.stderr);
    assert.match(confirmed.stdout, /alert events: 5/);
  });
});
