// The confirm link in email: GET shows a Confirm button, POST confirms (link scanners never confirm anything).
import type { ExtraRoute } from '../http/types.js';
import { catalog } from '../i18n/index.js';
import { confirmByToken } from './confirm.js';
import type { AlertsContext } from './context.js';
import { linkPageRoutes } from './link-page.js';

export const CONFIRM_LINK_PATH = '/v1/alerts/confirm-link';

export function confirmPageRoutes(c: AlertsContext): ExtraRoute[] {
  return linkPageRoutes(c, {
    path: CONFIRM_LINK_PATH,
    purpose: 'confirm',
    limit: c.config.limits.confirmPerIp,
    strings: (language) => {
      const t = catalog(language).alerts;
      return {
        title: t.pageConfirmTitle,
        button: t.pageConfirmButton,
        done: t.pageConfirmDone,
        invalid: t.pageInvalid,
      };
    },
    table: 'alert_confirmations',
    missingIsInvalid: true,
    act: async (_id, token) => (await confirmByToken(c, token)) === 'confirmed',
  });
}
