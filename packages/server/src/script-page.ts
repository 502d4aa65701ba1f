// What the server's own script pages share (the staff console, the isolated-capture frame): a policy that runs
// only our own built script, the HTML shell that loads it, reading that script from the build, and answering
// with no copy left in any cache.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http/types.js';

/** Our own script, styles and API calls, nothing else; forms post nowhere. `extra` adds directives. */
export function ownScriptCsp(extra: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    ...extra,
  ].join('; ');
}

/** The HTML shell: English until the script says otherwise, `head` before the script, `body` as given. */
export function scriptPageHtml(page: { title: string; script: string; head?: string; body?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${page.head ?? ''}<title>${page.title}</title>
<script src="${page.script}" defer></script>
</head>
<body>${page.body ?? ''}</body>
</html>
`;
}

/** A built script (`file` under `rootDir`), or a 404 that says which build makes it. */
export async function readBuiltScript(rootDir: string, file: string, build: string): Promise<string> {
  return readFile(`${rootDir}/${file}`, 'utf8').catch(() => {
    throw new HttpError(404, 'not_found', `There is no such file: build the ${build} (${file}).`);
  });
}

/** Answers `body` (nothing for HEAD); what the pages show never sits in a cache, nor comes back from one on Back. */
export function sendUncached(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  res.setHeader('cache-control', 'no-store');
  res.statusCode = status;
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}
