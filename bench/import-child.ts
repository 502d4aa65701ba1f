// The imports bench's child: `referral-kit <args>` as the CLI runs it, then its peak resident memory (kB) on a line
// of its own, for the parent to read.
import { runCli } from '../packages/server/src/cli.js';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: process.stderr,
  progress: false,
});
process.stdout.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
process.exit(code);
