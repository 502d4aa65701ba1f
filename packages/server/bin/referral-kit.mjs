#!/usr/bin/env node
// The referral-kit CLI. The server runs from its TypeScript sources: this re-runs the CLI under tsx with the
// "source" export condition, so workspace packages resolve to their src/ without a build step.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// Resolved from here, so the command works from any working directory.
const tsx = import.meta.resolve('tsx');
const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl+C reaches the whole process group, the child included: just outlive it. A SIGTERM sent to this process
// alone is passed on. Either way the child shuts down gracefully, and we exit with its code.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
