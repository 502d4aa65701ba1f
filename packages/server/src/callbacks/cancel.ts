// Cancelling a request with the token from the answer or the link in the message. Every well-signed token gets
// the same answer, whether its request exists, was already closed, or was a bot's: a token reveals nothing.
import { limitIp } from '../alerts/context.js';
import { linkPageRoutes } from '../alerts/link-page.js';
import { HttpError, type ExtraRoute, type Handler } from '../http/types.js';
import { CANCEL_PAGE_PATH, type CallbacksContext } from './context.js';
import { callbackStrings } from './messages.js';

/** Marks the request cancelled; its personal data is erased on the same schedule as a closed request. */
async function cancelById(c: CallbacksContext, id: string): Promise<void> {
  const at = c.now().toISOString();
  await c.db.run(
    `UPDATE callback_requests SET status = 'cancelled', outcome = 'cancelled-by-visitor', closed_at = $1, updated_at = $1
     WHERE id = $2 AND status NOT IN ('closed', 'cancelled')`,
    [at, id],
  );
}

export function cancelCallbackHandler(c: CallbacksContext): Handler {
  return async (ctx) => {
    await limitIp(c, 'callback-cancel', ctx.ip, c.config.limits.cancelPerIp);
    const id = c.keys.verifyToken('callback-cancel', (ctx.body as { token: string }).token);
    if (id === null) {
      const message = 'This link is not valid. Use the link from your message.';
      throw new HttpError(400, 'invalid_token', message, { fields: [{ path: 'token', message }] });
    }
    await cancelById(c, id);
    return { status: 200, body: { status: 'cancelled' } };
  };
}

/** The link in a message: GET shows a button (link scanners cancel nothing), POST cancels. */
export function cancelPageRoutes(c: CallbacksContext): ExtraRoute[] {
  return linkPageRoutes(c, {
    path: CANCEL_PAGE_PATH,
    purpose: 'callback-cancel',
    limit: c.config.limits.cancelPerIp,
    strings: (language) => {
      const t = callbackStrings(language);
      return { title: t.pageTitle, button: t.pageButton, done: t.pageDone, invalid: t.pageInvalid };
    },
    table: 'callback_requests',
    act: async (id) => {
      await cancelById(c, id);
      return true;
    },
  });
}
