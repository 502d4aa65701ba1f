// Response headers: security headers for every response, stricter ones for API answers, CORS for partner origins.
import type { ServerResponse } from 'node:http';

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  'x-dns-prefetch-control': 'off',
};

/** JSON answers: nothing in them may run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * HTML pages we serve (examples, reference page, one-click unsubscribe): scripts and styles from this origin only;
 * Lit's constructable stylesheets need no 'unsafe-inline'. No framing by other sites.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export function securityHeaders(kind: 'api' | 'page' | 'asset', https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    ...COMMON,
    'content-security-policy': kind === 'page' ? PAGE_CSP : API_CSP,
    // The embed bundle is loaded by partner pages with <script src>, so it must be readable cross-origin.
    'cross-origin-resource-policy': kind === 'asset' ? 'cross-origin' : 'same-origin',
  };
  if (kind === 'page') headers['x-frame-options'] = 'SAMEORIGIN';
  if (https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

export function setSecurityHeaders(res: ServerResponse, kind: 'api' | 'page' | 'asset', https: boolean): void {
  for (const [name, value] of Object.entries(securityHeaders(kind, https))) res.setHeader(name, value);
}

const ALLOWED_HEADERS = 'content-type, idempotency-key, if-none-match, x-referral-partner, x-request-id';
const EXPOSED_HEADERS = 'etag, retry-after, x-request-id';

/**
 * CORS only for configured partner origins. Returns true when the request was a preflight and has been answered.
 * Other origins get no CORS headers, so browsers keep their pages from reading our answers.
 */
export function applyCors(
  res: ServerResponse,
  origin: string | undefined,
  method: string,
  allowed: ReadonlySet<string>,
  requestedMethod: string | undefined,
): boolean {
  res.appendHeader('vary', 'Origin');
  const ok = origin !== undefined && allowed.has(origin);
  if (ok) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }
  if (method !== 'OPTIONS' || requestedMethod === undefined) return false;
  if (ok) {
    res.setHeader('access-control-allow-methods', 'GET, POST');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.statusCode = 204;
  res.end();
  return true;
}
