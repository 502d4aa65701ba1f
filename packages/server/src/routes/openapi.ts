// GET /v1/openapi.json (the document generated from the SDK's route table) and GET /v1/reference (readable page).
import type { ExtraRoute } from '../http/types.js';
import { renderReferencePage, REFERENCE_CSS } from './reference-page.js';

export function openApiRoutes(options: { document: () => unknown }): ExtraRoute[] {
  let cached: { json: string; html: string } | undefined;
  const build = () => {
    if (!cached) {
      const document = options.document();
      cached = { json: JSON.stringify(document), html: renderReferencePage(document, '/v1/reference.css') };
    }
    return cached;
  };
  /** A document that changes only with a new server: caches may keep it a few minutes. */
  const served = (path: string, contentType: string, body: () => string): ExtraRoute => ({
    method: 'GET',
    path,
    handler: async () => ({
      status: 200,
      body: body(),
      contentType: `${contentType}; charset=utf-8`,
      headers: { 'cache-control': 'public, max-age=300' },
    }),
  });
  return [
    served('/v1/openapi.json', 'application/json', () => build().json),
    served('/v1/reference', 'text/html', () => build().html),
    served('/v1/reference.css', 'text/css', () => REFERENCE_CSS),
  ];
}
