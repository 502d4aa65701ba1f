// The staff console's page: GET /console and every console page's address (staff/pages.ts) answer the same HTML
// shell (the console routes in the browser), and /console/console.js its script, built from packages/server/console/
// by rollup. A page that needs a session or another role is served with 401 or 403: the same shell, which then
// shows the sign-in form or says the page is not for this account. Staff pages show personal data: nothing from
// elsewhere runs or frames them, and no copy stays in any cache.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http/types.js';
import { readBuiltScript, ownScriptCsp, scriptPageHtml, sendUncached } from './script-page.js';
import { requireReadMethod } from './static.js';
import { STAFF_API, STAFF_CONSOLE_PAGE } from './staff/context.js';
import { matchPage, type PageMatch } from './staff/pages.js';

export const CONSOLE_SCRIPT_PATH = `${STAFF_CONSOLE_PAGE}/console.js`;
const SCRIPT_FILE = 'packages/server/dist/console.js';

/** Own script and API calls only; Lit's constructable stylesheets need no inline styles. */
export const CONSOLE_CSP = ownScriptCsp(["img-src 'self'", "frame-ancestors 'none'"]);

const PAGE = scriptPageHtml({
  title: 'Staff console',
  script: CONSOLE_SCRIPT_PATH,
  head: '<meta name="robots" content="noindex">\n',
  body: '\n<staff-console></staff-console>\n',
});

/** True for the paths this module answers (the console API under /console/api is the pipeline's). */
export const isConsolePath = (pathname: string) =>
  pathname !== STAFF_API && (pathname === STAFF_CONSOLE_PAGE || pathname.startsWith(`${STAFF_CONSOLE_PAGE}/`));

/** Without the staff module no one can sign in, so every page that needs a session answers 401. */
const noSessions = async (match: PageMatch) => {
  if (match.page.roles !== null) throw new HttpError(401, 'unauthorized', 'Sign in to continue.');
};

export function createConsolePage(options: {
  rootDir: string;
  /** Throws the 401, 403 or 404 a page is served with (staff/guard.ts), or returns when the page may open. */
  authorizePage?: (match: PageMatch, headers: { cookie?: string }) => Promise<void>;
}) {
  const authorizePage = options.authorizePage ?? noSessions;
  return async function serveConsole(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    requireReadMethod(req);
    let body: string;
    let status = 200;
    if (url.pathname === CONSOLE_SCRIPT_PATH) {
      body = await readBuiltScript(options.rootDir, SCRIPT_FILE, 'console');
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
    } else if (/^\/console(\/[A-Za-z0-9_-]+)*\/?$/.test(url.pathname)) {
      // An address with no page gets the shell too, which says so in the console's words.
      const page = matchPage(url.pathname);
      if (!page) status = 404;
      else {
        await authorizePage(page, { cookie: req.headers.cookie }).catch((error: unknown) => {
          if (!(error instanceof HttpError)) throw error;
          status = error.status;
          for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
        });
      }
      body = PAGE;
      res.setHeader('content-type', 'text/html; charset=utf-8');
    } else {
      throw new HttpError(404, 'not_found', 'There is no such page.');
    }
    res.setHeader('content-security-policy', CONSOLE_CSP);
    res.setHeader('x-frame-options', 'DENY');
    sendUncached(req, res, status, body);
  };
}
