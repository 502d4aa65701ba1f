// The reference server as `packages/server/src/main.ts` starts it, but without counting for the insights reports:
// the baseline bench/server.bench.ts measures the counting's cost against.
import { run } from '../packages/server/src/main.js';

await run(process.env, { countInsights: false });
