// The imports bench's child: `referral-kit <args>` as the CLI runs it, then its peak resident memory (kB) and its CPU
// time (user + system, ms) on lines of their own, for the parent to read.
import { runCli } from '../packages/server/src/cli.js';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: process.stderr,
  progress: false,
});
const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
process.stdout.write(`\nmaxRSS ${maxRSS}\ncpuMs ${Math.round((userCPUTime + systemCPUTime) / 1000)}\n`);
process.exit(code);
