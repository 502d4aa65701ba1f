// web-test-runner: TypeScript tests (esbuild) in Debian's chromium, offline. See ../shared/toolchain.md.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, chromePath } from './scripts/chrome.mjs';

export default {
  rootDir: '.',
  files: ['test/browser/**/*.test.ts', 'packages/*/test/browser/**/*.test.ts'],
  // 'source': workspace packages resolve to their TypeScript sources; 'development': Lit dev-mode checks.
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs },
      // One browser context per test page, so parallel pages are not throttled background tabs.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  concurrency: 2,
  middleware: [
    // msw's worker must live at the origin root to control the test page; serve the installed copy.
    function mswWorker(ctx, next) {
      if (ctx.path === '/mockServiceWorker.js') ctx.url = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  testFramework: { config: { timeout: 15000 } },
};
