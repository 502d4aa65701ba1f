// GET /console/api/insights: the report views of the insights counts (src/insights/), as JSON and as CSV, for
// supervisors, admins and partner accounts (their own partner id only). Reports cover months that have ended.
import { randomId } from '../alerts/crypto.js';
import { insightsConfig } from '../insights/config.js';
import { buildReport, monthHours, reportCsv, VIEW_NAMES, type ViewName } from '../insights/report.js';
import { HttpError, type RequestContext } from '../http/types.js';
import type { StaffContext } from './context.js';
import { staffRead, type StaffRoute } from './guard.js';
import type { Session } from './sessions.js';
import { INSIGHT_ROLES } from './vocabulary.js';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Counts reach the database within seconds; a month is reported once this long has passed after it ended. */
const SETTLE_MS = 3_600_000;

const invalid = (path: string, message: string) =>
  new HttpError(400, 'validation_failed', message, { fields: [{ path, message }] });

function queryValue(ctx: RequestContext, name: string): string | undefined {
  const value = (ctx.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The partner a report is about: a partner account's own (asking for another is refused), else `?partner=`. */
function partnerFor(ctx: RequestContext, session: Session, partners: readonly string[]): string | null {
  const asked = queryValue(ctx, 'partner');
  const { member } = session;
  if (member.role === 'partner') {
    if (asked !== undefined && asked !== member.partnerId)
      throw new HttpError(403, 'forbidden', 'Your account reports on your own organization only.');
    return member.partnerId;
  }
  if (asked === undefined || asked === '') return null;
  if (!partners.includes(asked)) throw invalid('partner', 'There is no such partner.');
  return asked;
}

const reportable = (c: StaffContext, period: string) =>
  monthHours(period).end.getTime() + SETTLE_MS <= c.now().getTime();

function periodFor(c: StaffContext, ctx: RequestContext): string {
  const period = queryValue(ctx, 'period') ?? '';
  if (!PERIOD.test(period)) throw invalid('period', 'Give a month such as 2026-11.');
  if (!reportable(c, period)) throw invalid('period', 'Reports cover months that have ended.');
  return period;
}

/** The months with counts that reports may cover, newest first. */
async function reportablePeriods(c: StaffContext): Promise<string[]> {
  const rows = await c.db.query<{ period: string }>(
    'SELECT DISTINCT substr(hour, 1, 7) AS period FROM insight_counts ORDER BY period DESC',
  );
  return rows.map((r) => r.period).filter((period) => reportable(c, period));
}

export function insightsRoutes(c: StaffContext): StaffRoute[] {
  const config = c.insights?.config ?? insightsConfig();
  const noise = config.epsilon === undefined ? undefined : { epsilon: config.epsilon, random: c.insights!.random };

  const report = async (view: ViewName, ctx: RequestContext, session: Session) => {
    const partner = partnerFor(ctx, session, config.partners);
    const period = periodFor(c, ctx);
    const options = { k: config.k, partners: [...config.partners, ''], noise };
    if (noise === undefined) return buildReport(c.db, view, period, partner, options);
    const { epsilon } = noise;
    // The budget check and the record of what this report spends are one step, so two reports cannot both fit.
    return c.db.transaction(async (tx) => {
      const [spent] = await tx.query<{ total: number | null }>(
        'SELECT SUM(epsilon) AS total FROM insight_privacy_budget WHERE period = $1',
        [period],
      );
      if (Number(spent?.total ?? 0) + epsilon > config.epsilonBudget + 1e-9) {
        throw new HttpError(
          409,
          'conflict',
          'The privacy budget for this month is spent: no more reports about it can be published.',
        );
      }
      await tx.run(
        'INSERT INTO insight_privacy_budget (id, at, staff_id, period, partner, view, epsilon) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [randomId(), c.now().toISOString(), session.member.id, period, partner ?? '', view, epsilon],
      );
      return buildReport(tx, view, period, partner, options);
    });
  };

  return [
    staffRead({ path: '/insights', roles: INSIGHT_ROLES }, async (_ctx, session) => ({
      views: VIEW_NAMES,
      partners: session.member.role === 'partner' ? [session.member.partnerId] : config.partners,
      k: config.k,
      epsilon: config.epsilon ?? null,
      periods: await reportablePeriods(c),
    })),
    ...VIEW_NAMES.flatMap((view): StaffRoute[] => [
      staffRead({ path: `/insights/${view}`, roles: INSIGHT_ROLES, scope: 'partner' }, (ctx, session) =>
        report(view, ctx, session),
      ),
      {
        method: 'GET',
        path: `/insights/${view}.csv`,
        roles: INSIGHT_ROLES,
        scope: 'partner',
        handler: async (ctx, session) => {
          const built = await report(view, ctx, session);
          return {
            status: 200,
            contentType: 'text/csv; charset=utf-8',
            body: reportCsv(built),
            headers: {
              'content-disposition': `attachment; filename="${view}-${built.period}${built.partner ? `-${built.partner}` : ''}.csv"`,
            },
          };
        },
      },
    ]),
  ];
}
