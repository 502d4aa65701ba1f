// End-to-end harness: the real reference server (in this process, random port, SQLite in a temp dir, demo data and
// the demo outbox) serving examples/ and the built bundle, driven by Debian's Chromium through playwright-core.
// The example pages name the API as http://127.0.0.1:8787 (what `npm start` uses); pages fetched here get that
// origin rewritten to the test server's, so the files under test are exactly the ones partners copy.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { generateFixtures } from '@referral-kit/mocks';
import type { Clock } from '../../packages/server/src/clock.js';
import { loadConfig } from '../../packages/server/src/config.js';
import { createLogger } from '../../packages/server/src/logger.js';
import { startServer, type RunningServer } from '../../packages/server/src/main.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';

export const EXAMPLES_API = 'http://127.0.0.1:8787';
export const BUNDLE_PATH = '/packages/widgets/dist/referral-kit.js';

export interface E2E {
  origin: string;
  server: RunningServer;
  browser: Browser;
  /** A fresh browser context (no shared state) with the example-API rewrite in place. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens a path of the test server in a fresh context; page errors and console errors are collected in `errors`. */
  open(path: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  /** The newest confirmation code the demo outbox "sent" to `to`. */
  confirmationCode(to: string): Promise<string>;
  stop(): Promise<void>;
}

export function requireBuild(): void {
  for (const file of [
    BUNDLE_PATH,
    `${BUNDLE_PATH}.sri`,
    '/packages/widgets/dist/referral-kit.capture.js',
    '/examples/react/dist/app.js',
  ]) {
    if (!existsSync(`.${file}`)) throw new Error(`.${file} is missing: run \`npm run build\` before the e2e tests.`);
  }
}

export interface ReferenceServer {
  server: RunningServer;
  origin: string;
  stop(): Promise<void>;
}

/**
 * The reference server in this process: SQLite in a temp dir, demo data and outbox, silent logs.
 * `port` 0 picks a free one; `env` adds settings (CORS_ORIGINS for partner pages on other origins).
 * Also used by bench/embed.bench.ts.
 */
export async function startReferenceServer(
  port = 0,
  env: Record<string, string> = {},
  options: { now?: Clock } = {},
): Promise<ReferenceServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-e2e-'));
  const config = loadConfig({
    DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEMO: 'true',
    ALERTS_DISPATCH_INTERVAL_MS: '100',
    // Every example signs up from 127.0.0.1: the per-address limit is the alerts tests' business, not this suite's.
    ALERTS_SUBSCRIBE_PER_IP_PER_HOUR: '1000',
    ...env,
  });
  const server = await startServer(config, {
    logger: createLogger({ level: 'silent' }),
    fixtures: generateFixtures({ seed: 11, services: 60, custody: 40 }),
    directoryCheckMs: 0,
    now: options.now,
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    server,
    origin: server.url.replace(/\/$/, ''),
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest confirmation code the demo outbox of the server at `origin` "sent" to `to`. */
export async function confirmationCode(origin: string, to: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${origin}/v1/alerts/demo/outbox`)).json()) as {
      messages: { to: string; kind: string; text: string }[];
    };
    const message = body.messages.find((m) => m.to === to && m.kind === 'confirmation');
    const code = message?.text.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No confirmation code for ${to} in the demo outbox`);
}

/** `now`: the server's clock (default: the system clock); pages keep the browser's unless a test sets `page.clock`. */
export async function startE2E(env: Record<string, string> = {}, options: { now?: Clock } = {}): Promise<E2E> {
  requireBuild();
  const reference = await startReferenceServer(0, env, options);
  const { server, origin } = reference;
  const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });

  async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
    await context.route(`${origin}/examples/**`, async (route) => {
      const response = await route.fetch();
      const type = response.headers()['content-type'] ?? '';
      if (!/text\/html|javascript/.test(type)) return route.fulfill({ response });
      return route.fulfill({ response, body: (await response.text()).replaceAll(EXAMPLES_API, origin) });
    });
    return context;
  }

  return {
    origin,
    server,
    browser,
    newContext,
    async open(path, options) {
      const context = await newContext(options);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(origin + path);
      return { page, errors };
    },
    confirmationCode: (to) => confirmationCode(origin, to),
    async stop() {
      await browser.close();
      await reference.stop();
    },
  };
}

export function bundleIntegrity(): string {
  return readFileSync(`.${BUNDLE_PATH}.sri`, 'utf8').trim();
}
