// Cancelling a request with the token from the answer or the link in the message. Every well-signed token gets
// the same answer, whether its request exists, was already closed, or was a bot's: a token reveals nothing.
import { linkPageRoutes, tokenActionHandler, type TokenAction } from '../alerts/link-page.js';
import type { ExtraRoute, RouteHandler } from '../http/types.js';
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

/** The token in the answer and in the message's link (the API route and the page alike). */
const cancelByLink = (c: CallbacksContext): TokenAction => ({
  purpose: 'callback-cancel',
  limit: c.config.limits.cancelPerIp,
  act: (id) => cancelById(c, id),
});

export function cancelCallbackHandler(c: CallbacksContext): RouteHandler<'cancelCallback'> {
  const message = 'This link is not valid. Use the link from your message.';
  return tokenActionHandler(c, cancelByLink(c), message, { status: 'cancelled' });
}

/** The link in a message: GET shows a button (link scanners cancel nothing), POST cancels. */
export function cancelPageRoutes(c: CallbacksContext): ExtraRoute[] {
  return linkPageRoutes(c, {
    ...cancelByLink(c),
    path: CANCEL_PAGE_PATH,
    strings: (language) => {
      const t = callbackStrings(language);
      return { title: t.pageTitle, button: t.pageButton, done: t.pageDone, invalid: t.pageInvalid };
    },
    table: 'callback_requests',
  });
}
