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
  return [
    {
      method: 'GET',
      path: '/v1/openapi.json',
      handler: async () => ({
        status: 200,
        body: build().json,
        contentType: 'application/json; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=300' },
      }),
    },
    {
      method: 'GET',
      path: '/v1/reference',
      handler: async () => ({
        status: 200,
        body: build().html,
        contentType: 'text/html; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=300' },
      }),
    },
    {
      method: 'GET',
      path: '/v1/reference.css',
      handler: async () => ({
        status: 200,
        body: REFERENCE_CSS,
        contentType: 'text/css; charset=utf-8',
        headers: { 'cache-control': 'public, max-age=300' },
      }),
    },
  ];
}
