// GET /embed/capture and /embed/capture.js: the isolated-capture frame's page and script, with a policy of their own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './server-harness.js';

const PARTNERS = ['https://partner.example.org', 'https://other.example.net'];

describe('isolated-capture frame', () => {
  let s: TestServer;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'rk-capture-root-'));
    mkdirSync(join(root, 'packages/widgets/dist'), { recursive: true });
    writeFileSync(join(root, 'packages/widgets/dist/referral-kit.capture.js'), 'console.log("frame")');
    s = await startTestServer({ CORS_ORIGINS: PARTNERS.join(',') }, { rootDir: root });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await s?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the page: framed only by the configured partner origins (and the server itself), its own script only', async () => {
    const res = await s.get('/embed/capture');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/html/);
    const csp = Object.fromEntries(
      res.headers
        .get('content-security-policy')!
        .split('; ')
        .map((directive) => {
          const [name = '', ...values] = directive.split(' ');
          return [name, values];
        }),
    );
    assert.deepEqual(csp['frame-ancestors'], ["'self'", ...PARTNERS]);
    assert.deepEqual(csp['script-src'], ["'self'"]);
    assert.deepEqual(csp['default-src'], ["'none'"]);
    assert.deepEqual(csp['connect-src'], ["'self'"]);
    assert.deepEqual(csp['trusted-types'], ["'none'"]);
    assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options would forbid every partner');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('set-cookie'), null);
    const html = await res.text();
    assert.match(html, /<script src="capture\.js" defer><\/script>/);
    assert.doesNotMatch(html, /<script>|style=/, 'nothing inline');
  });

  it('with no partner origins configured, only the server itself may frame it', async () => {
    const alone = await startTestServer({}, { rootDir: root });
    try {
      const csp = (await alone.get('/embed/capture')).headers.get('content-security-policy')!;
      assert.match(csp, /frame-ancestors 'self'(;|$)/);
    } finally {
      await alone.stop();
    }
  });

  it('serves the built script next to it, and says what to build when it is missing', async () => {
    const res = await s.get('/embed/capture.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/javascript/);
    assert.equal(await res.text(), 'console.log("frame")');
    const bare = mkdtempSync(join(tmpdir(), 'rk-capture-bare-'));
    const unbuilt = await startTestServer({}, { rootDir: bare });
    try {
      const missing = await unbuilt.get('/embed/capture.js');
      assert.equal(missing.status, 404);
      assert.match(
        ((await missing.json()) as { error: { message: string } }).error.message,
        /referral-kit\.capture\.js/,
      );
    } finally {
      await unbuilt.stop();
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('answers nothing else under /embed/, and only to GET', async () => {
    assert.equal((await s.get('/embed/other')).status, 404);
    assert.equal((await s.get('/embed/capture/')).status, 404);
    const post = await fetch(`${s.url}/embed/capture`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });
});
