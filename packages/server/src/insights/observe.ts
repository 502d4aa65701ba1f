// What the public API's answers teach, counted as they leave: directory searches (category, language, ZIP3/state,
// matched or unmet, crisis panel), custody lookups (state, found or not), alert signups and callback requests. The
// handlers stay as they are; each is wrapped here, and only the validated choices and the answer's shape are read.
import { CALLBACK_PRIORITY, primarySubtag } from '@referral-kit/sdk';
import type { RouteContext, RouteHandlers, RouteName } from '../http/types.js';
import type { InsightsCounter } from './counter.js';
import { regionOfZip } from './regions.js';

type Observer<N extends RouteName> = (
  insights: InsightsCounter,
  ctx: RouteContext<N>,
  status: number,
  body: unknown,
  partner: string,
) => void;

const OBSERVERS: { [N in RouteName]?: Observer<N> } = {
  searchServices(insights, { query }, _status, body, partner) {
    const page = body as { total: number; crisis: boolean };
    const region = regionOfZip(query.postalCode);
    const dims = { partner, topic: query.category?.[0] ?? '', language: primarySubtag(query.language?.[0]), ...region };
    // Paging through the same results is one search, not several.
    if ((query.page ?? 1) === 1) insights.count('search', { ...dims, outcome: page.total > 0 ? 'matched' : 'unmet' });
    if (page.crisis && (query.page ?? 1) === 1) insights.count('crisis-panel', dims);
  },
  searchCustody(insights, { query }, _status, body, partner) {
    if ((query.page ?? 1) !== 1) return;
    insights.count('lookup-search', {
      partner,
      state: query.state,
      outcome: (body as { total: number }).total > 0 ? 'found' : 'not-found',
    });
  },
  getCustodyRecord(insights, _ctx, status, body, partner) {
    const state = status === 200 ? (body as { facility?: { state?: string } }).facility?.state : undefined;
    insights.count('lookup-view', { partner, state, outcome: status === 200 ? 'found' : 'not-found' });
  },
  subscribe(insights, { body }, _status, _answer, partner) {
    if (body.website) return; // the honeypot: a bot, not a person
    const language = primarySubtag(body.language);
    insights.count('alert-signup', { partner, channel: body.channel, language });
    for (const kind of body.events)
      insights.count('alert-event-chosen', { partner, channel: body.channel, language, topic: kind });
  },
  requestCallback(insights, { body }, _status, _answer, partner) {
    if (body.website) return;
    const fromZip = regionOfZip(body.region?.zip);
    insights.count('callback-request', {
      partner,
      topic: body.topic,
      priority: CALLBACK_PRIORITY[body.topic],
      state: body.region?.state ?? fromZip.state,
      zip3: fromZip.zip3,
      language: body.interpreterLanguage !== undefined ? 'interpreter' : primarySubtag(body.language),
    });
  },
};

/** The handlers, each counting what it answered (a 404 of a record view counts as "not found"; other errors do not). */
export function observeHandlers(handlers: RouteHandlers, insights: InsightsCounter): RouteHandlers {
  const observed: RouteHandlers = { ...handlers };
  for (const name of Object.keys(OBSERVERS) as RouteName[]) {
    const handler = handlers[name] as
      ((ctx: RouteContext<typeof name>) => ReturnType<NonNullable<RouteHandlers[typeof name]>>) | undefined;
    // tsc needs the per-route type here; the rule compares the wider type of the lookup.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const observer = OBSERVERS[name] as Observer<typeof name> | undefined;
    if (!handler || !observer) continue;
    const wrapped = async (ctx: RouteContext<typeof name>) => {
      const note = (status: number, body: unknown) => {
        try {
          observer(insights, ctx, status, body, insights.partnerOf(ctx.headers));
        } catch {
          // Counting must never cost a visitor an answer.
        }
      };
      try {
        const result = await handler(ctx);
        note(result.status, result.body);
        return result;
      } catch (error) {
        if (name === 'getCustodyRecord' && (error as { status?: number }).status === 404) note(404, undefined);
        throw error;
      }
    };
    (observed as Record<string, unknown>)[name] = wrapped;
  }
  return observed;
}
