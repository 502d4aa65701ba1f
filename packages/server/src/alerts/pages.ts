// The tiny HTML pages behind message links (confirm, stop). A GET only shows a button; the change happens on
// POST, so mail scanners that open every link cannot confirm or stop anything by themselves.
import type { HandlerResult } from '../http/types.js';
import { catalog, messageLanguage } from '../i18n/index.js';

export type PageResult = HandlerResult & { contentType: string };

// The pipeline adds the page CSP (no inline script or style, form-action 'self') and the other security headers.
const PAGE_HEADERS = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

export function page(input: {
  status: number;
  language: string;
  title: string;
  message?: string;
  form?: { action: string; button: string; hidden?: Record<string, string> };
  headers?: Record<string, string>;
}): PageResult {
  const lang = messageLanguage(input.language);
  const form = input.form
    ? `<form method="post" action="${escapeHtml(input.form.action)}">${Object.entries(input.form.hidden ?? {})
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
        .join('')}<button type="submit">${escapeHtml(input.form.button)}</button></form>`
    : '';
  const message = input.message ? `<p>${escapeHtml(input.message)}</p>` : '';
  const html = `<!doctype html>
<html lang="${lang}" dir="${catalog(lang).dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(input.title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(input.title)}</h1>
${message}${form}
</main>
</body>
</html>
`;
  return {
    status: input.status,
    body: html,
    contentType: 'text/html; charset=utf-8',
    headers: { ...PAGE_HEADERS, ...input.headers },
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
