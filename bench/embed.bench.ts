// Embed benchmark: bundle size (min / gzip / brotli), time from the end of the bundle's download to the first
// rendered widget in headless Chromium, and Lighthouse performance + accessibility for examples/partner-basic/.
// Needs `npm run build`. Writes bench/results/embed.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BUDGETS, measure } from '../scripts/size.mjs';
import { chromeArgs, chromePath } from '../scripts/chrome.mjs';
import {
  BUNDLE_PATH,
  EXAMPLES_API,
  requireBuild,
  startReferenceServer,
  type ReferenceServer,
} from '../test/e2e/harness.js';

const RUNS = 15;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The examples name their API as http://127.0.0.1:8787; Lighthouse loads them unmodified, so try that port first. */
async function startServer(): Promise<{ reference: ReferenceServer; examplesApiLive: boolean }> {
  try {
    return { reference: await startReferenceServer(Number(new URL(EXAMPLES_API).port)), examplesApiLive: true };
  } catch {
    // Port taken (an `npm start` may be running: then that one answers the page's API calls).
    const reference = await startReferenceServer();
    const examplesApiLive = await fetch(`${EXAMPLES_API}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    return { reference, examplesApiLive };
  }
}

/** Per run, in a fresh context: bundle downloaded → evaluated (elements defined) → first widget render. */
async function timeToFirstRender(origin: string) {
  const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
    <referral-widget api-base-url="${origin}" partner-id="bench"><p>Call 1-800-799-7233</p></referral-widget>
    <script src="${BUNDLE_PATH}"></script>
    <script>window.__evaluated = performance.now();</script></body></html>`;
  const evaluate: number[] = [];
  const render: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route(`${origin}/bench.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(`${origin}/bench.html`);
      const timing = await page.evaluate(async (bundle) => {
        const el = document.querySelector('referral-widget') as HTMLElement & { updateComplete: Promise<unknown> };
        await customElements.whenDefined('referral-widget');
        await el.updateComplete;
        const rendered = performance.now();
        const entry = performance
          .getEntriesByType('resource')
          .find((e) => e.name.endsWith(bundle)) as PerformanceResourceTiming;
        return {
          downloaded: entry.responseEnd,
          evaluated: (window as unknown as { __evaluated: number }).__evaluated,
          rendered,
          tabs: el.shadowRoot?.querySelectorAll('[role=tab]').length ?? 0,
        };
      }, BUNDLE_PATH);
      if (timing.tabs !== 3) throw new Error(`widget did not render its tabs (found ${timing.tabs})`);
      evaluate.push(timing.evaluated - timing.downloaded);
      render.push(timing.rendered - timing.downloaded);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    evaluate: median(evaluate),
    render: median(render),
    renderMin: Math.min(...render),
    renderMax: Math.max(...render),
  };
}

/** Lighthouse (CLI, async: the server answering it lives in this process). */
async function lighthouse(url: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rk-lh-'));
  const output = join(dir, 'report.json');
  const flags = ['--headless=new', ...chromeArgs].join(' ');
  try {
    const code = await new Promise<number | null>((resolve) => {
      spawn(
        'node_modules/.bin/lighthouse',
        [
          url,
          '--quiet',
          `--chrome-flags=${flags}`,
          '--only-categories=performance,accessibility',
          '--output=json',
          `--output-path=${output}`,
        ],
        { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromePath() } },
      )
        .on('exit', resolve)
        .on('error', () => resolve(null));
    });
    if (code !== 0) return undefined;
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      lighthouseVersion: string;
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { numericValue?: number; scoreDisplayMode?: string }>;
    };
    return {
      version: report.lighthouseVersion,
      performance: report.categories.performance?.score ?? null,
      accessibility: report.categories.accessibility?.score ?? null,
      fcp: report.audits['first-contentful-paint']?.numericValue,
      lcp: report.audits['largest-contentful-paint']?.numericValue,
      tbt: report.audits['total-blocking-time']?.numericValue,
      cls: report.audits['cumulative-layout-shift']?.numericValue,
      errored: Object.entries(report.audits)
        .filter(([, a]) => a.scoreDisplayMode === 'error')
        .map(([id]) => id),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

requireBuild();
const size = measure(readFileSync(`.${BUNDLE_PATH}`));
console.log(`embed: min ${kb(size.min)}, gzip ${kb(size.gzip)}, brotli ${kb(size.brotli)}`);
const { reference, examplesApiLive } = await startServer();
let md: string;
try {
  const timing = await timeToFirstRender(reference.origin);
  console.log(`evaluate ${ms(timing.evaluate)}, first render ${ms(timing.render)} (median of ${RUNS})`);
  // One retry: on a loaded 2-core machine Lighthouse now and then loses the trace (NO_NAVSTART).
  const url = `${reference.origin}/examples/partner-basic/`;
  const lh = (await lighthouse(url)) ?? (await lighthouse(url));
  console.log(
    lh
      ? `lighthouse ${lh.version}: performance ${lh.performance}, accessibility ${lh.accessibility}`
      : 'lighthouse did not run',
  );
  md = `## Embed (\`${BUNDLE_PATH.slice(1)}\`)

| Measure | Value |
| --- | --- |
| Size, minified | ${kb(size.min)} |
| Size, gzip -9 | ${kb(size.gzip)} |
| Size, brotli q11 | ${kb(size.brotli)} (budget ${kb(BUDGETS.embed)}) |
| Bundle downloaded → evaluated (elements defined), median of ${RUNS} | ${ms(timing.evaluate)} |
| Bundle downloaded → first rendered \`<referral-widget>\`, median of ${RUNS} | ${ms(timing.render)} (min ${ms(timing.renderMin)}, max ${ms(timing.renderMax)}) |
${
  lh
    ? `| Lighthouse ${lh.version} \`examples/partner-basic/\`: performance | ${lh.performance} |
| Lighthouse: accessibility | ${lh.accessibility} |
| Lighthouse: FCP / LCP / TBT / CLS | ${ms(lh.fcp ?? NaN)} / ${ms(lh.lcp ?? NaN)} / ${ms(lh.tbt ?? NaN)} / ${(lh.cls ?? NaN).toFixed(3)} |
`
    : '| Lighthouse | did not run |\n'
}
Headless Chromium (${chromePath()}), local reference server, fresh browser context per run; machine load average
${loadavg()[0]!.toFixed(1)} at the start (the machine is shared, so timings are upper bounds). Lighthouse uses its
default mobile emulation (slow 4G, 4× CPU slowdown)${lh?.errored.length ? `; errored audits: ${lh.errored.join(', ')}` : ''}.
${examplesApiLive ? '' : "The example page's API (http://127.0.0.1:8787) was not reachable during the Lighthouse run: the widget showed its hotline fallback state.\n"}`;
} finally {
  await reference.stop();
}
writeFileSync(new URL('./results/embed.md', import.meta.url), md);
console.log('wrote bench/results/embed.md');
