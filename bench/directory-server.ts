// The server as `packages/server/src/main.ts` starts it, plus what bench/directory.bench.ts reads over IPC: its
// event loop's delay (perf_hooks.monitorEventLoopDelay) and utilization, both reset per phase, and the directory version it serves.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

type Main = typeof import('../packages/server/src/main.js');
// BENCH_SERVER_MAIN: another commit's server, for the bench's before/after comparison.
const { run } = (await import(process.env.BENCH_SERVER_MAIN ?? '../packages/server/src/main.js')) as Main;

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let busySince = performance.eventLoopUtilization();
const running = await run(process.env, { countInsights: false });
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

process.on('message', (message: 'reset' | 'report' | 'version') => {
  if (message === 'reset') {
    delay.reset();
    busySince = performance.eventLoopUtilization();
    process.send!({ type: 'reset' });
  } else if (message === 'report') {
    const busy = performance.eventLoopUtilization(busySince).utilization;
    process.send!({ type: 'report', maxMs: ms(delay.max), p99Ms: ms(delay.percentile(99)), busy });
  } else {
    void running.app.directory!.current().then((state) => process.send!({ type: 'version', version: state.version }));
  }
});
process.send!({ type: 'ready' });
