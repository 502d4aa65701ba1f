// Demo mode only: GET /v1/alerts/demo/outbox lists what the file transport "sent", newest first, so the demo page
// can show the confirmation code without a real mail or SMS account. Never registered outside demo mode.
import type { ExtraRoute } from '../http/types.js';
import { readOutboxFile } from '../notify/transports/file.js';
import type { AlertsContext } from './context.js';

export const DEMO_OUTBOX_PATH = '/v1/alerts/demo/outbox';
const SHOWN = 50;

export function demoOutboxRoutes(c: AlertsContext): ExtraRoute[] {
  if (!c.config.demo) return [];
  return [
    {
      method: 'GET',
      path: DEMO_OUTBOX_PATH,
      handler: async () => ({
        status: 200,
        body: { messages: readOutboxFile(c.config.outboxFile).slice(-SHOWN).reverse() },
        headers: { 'cache-control': 'no-store' },
      }),
    },
  ];
}
