// The isolated-capture frame: GET /embed/capture (its page) and /embed/capture.js (its script, built from the
// widgets' capture-frame.ts). Partner pages frame it to take contact details out of their own scripts' reach, so
// it may be framed only by the partner origins the server allows for CORS (and by its own pages), runs only its
// own script, and keeps no cache copy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http/types.js';
import { readBuiltScript, ownScriptCsp, scriptPageHtml, sendUncached } from './script-page.js';
import { requireReadMethod } from './static.js';

export const CAPTURE_PAGE_PATH = '/embed/capture';
const SCRIPT_FILE = 'packages/widgets/dist/referral-kit.capture.js';

/** The frame page's policy: its own script and API calls, no other content, framed only by `partnerOrigins`. */
export function captureFrameCsp(partnerOrigins: readonly string[]): string {
  return ownScriptCsp([
    `frame-ancestors ${["'self'", ...partnerOrigins].join(' ')}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ]);
}

const PAGE = scriptPageHtml({ title: 'Contact details', script: 'capture.js' });

/** Answers the two frame paths (other `/embed/` paths are 404). Runs after the pipeline set the page headers. */
export function createCaptureFrame(options: { partnerOrigins: readonly string[]; rootDir: string }) {
  const csp = captureFrameCsp(options.partnerOrigins);
  return async function serveCaptureFrame(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    requireReadMethod(req);
    let body: string;
    if (url.pathname === CAPTURE_PAGE_PATH) {
      body = PAGE;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', csp);
      // frame-ancestors decides who may frame it; X-Frame-Options cannot name several origins.
      res.removeHeader('x-frame-options');
    } else if (url.pathname === `${CAPTURE_PAGE_PATH}.js`) {
      body = await readBuiltScript(options.rootDir, SCRIPT_FILE, 'widgets');
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
    } else {
      throw new HttpError(404, 'not_found', 'There is no such page.');
    }
    // What a visitor typed never sits in a cache, and a Back never brings the frame back from one.
    sendUncached(req, res, 200, body);
  };
}
