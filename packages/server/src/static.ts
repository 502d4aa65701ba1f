// Static files: the example pages (examples/) and the built embed bundle (packages/widgets/dist/), at the same
// paths as in the repository so relative links in the examples work. Nothing outside those folders is reachable.
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { HttpError } from './http/types.js';
import { setSecurityHeaders } from './http/security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticMount {
  /** URL prefix ending in '/', e.g. '/examples/'. */
  prefix: string;
  dir: string;
  /** Loaded by partner pages from other origins (the embed bundle). */
  crossOrigin?: boolean;
  /** List sub-folders when a folder has no index.html. */
  listing?: boolean;
  /**
   * Pages and scripts here name the API by this origin (the examples say http://127.0.0.1:8787): it is replaced
   * with the origin the page was asked for, so the examples work on any port and as localhost.
   */
  apiOriginPlaceholder?: string;
}

const REWRITTEN_TYPES = new Set(['.html', '.js', '.mjs']);
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The origin a request was addressed to, when its Host header is a plain host[:port]. */
function requestOrigin(req: IncomingMessage, https: boolean): string | undefined {
  const host = req.headers.host;
  return host && HOST.test(host) ? `${https ? 'https' : 'http'}://${host}` : undefined;
}

/** Pages and files answer GET and HEAD only. */
export function requireReadMethod(req: IncomingMessage): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'method_not_allowed', 'Use GET for pages and files.', { headers: { allow: 'GET, HEAD' } });
  }
}

export function createStatic(mounts: readonly StaticMount[], https: boolean) {
  return async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    requireReadMethod(req);
    if (url.pathname === '/') {
      res.statusCode = 302;
      res.setHeader('location', '/examples/');
      res.end();
      return;
    }
    // Browsers ask for it on every page; "nothing" is an answer, a 404 is noise in their consoles.
    if (url.pathname === '/favicon.ico') {
      res.statusCode = 204;
      res.end();
      return;
    }
    const mount = mounts.find((m) => url.pathname.startsWith(m.prefix) || url.pathname === m.prefix.slice(0, -1));
    if (!mount) throw notFound();
    if (url.pathname === mount.prefix.slice(0, -1)) {
      redirect(res, mount.prefix + url.search);
      return;
    }

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(mount.prefix.length));
    } catch {
      throw notFound();
    }
    const segments = relative.split('/');
    // No dotfiles, no parent segments, no backslashes or NULs: only plain names below the mount.
    if (segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'))) throw notFound();

    const base = await realpath(mount.dir).catch(() => null);
    if (!base) throw notFound();
    let path = join(base, ...segments);
    let info = await stat(path).catch(() => null);
    if (!info) throw notFound();
    if (info.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        redirect(res, `${url.pathname}/${url.search}`);
        return;
      }
      const index = join(path, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      if (!indexInfo) {
        if (mount.listing) return sendListing(res, req, url.pathname, path);
        throw notFound();
      }
      path = index;
      info = indexInfo;
    }
    const real = await realpath(path);
    if (real !== base && !real.startsWith(base + sep)) throw notFound();

    if (mount.crossOrigin) {
      setSecurityHeaders(res, 'asset', https);
      res.setHeader('access-control-allow-origin', '*');
    }
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    res.setHeader('etag', etag);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-type', TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const origin =
      mount.apiOriginPlaceholder && REWRITTEN_TYPES.has(extname(path).toLowerCase())
        ? requestOrigin(req, https)
        : undefined;
    if (origin && origin !== mount.apiOriginPlaceholder) {
      const body = (await readFile(path, 'utf8')).replaceAll(mount.apiOriginPlaceholder!, origin);
      res.statusCode = 200;
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-length', info.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(path);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
  };
}

function notFound(): HttpError {
  return new HttpError(404, 'not_found', 'There is no such page.');
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 301;
  res.setHeader('location', location);
  res.end();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function sendListing(res: ServerResponse, req: IncomingMessage, pathname: string, dir: string): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.name.endsWith('.html')))
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
  const items = entries
    .map((name) => `<li><a href="${escapeHtml(encodeURI(name))}">${escapeHtml(name)}</a></li>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>referral-kit examples</title></head>
<body><main><h1>referral-kit examples</h1>
<p>Pages served from <code>${escapeHtml(pathname)}</code>. The API reference is at <a href="/v1/reference">/v1/reference</a>.</p>
<ul>
${items || '<li>No examples yet.</li>'}
</ul></main></body></html>`;
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.end(req.method === 'HEAD' ? undefined : html);
}
