// Insights configuration: which partner ids are counted apart, the smallest count shown (k), and the optional
// differential privacy of published reports (ε per report, and the most ε spent on one month).
export interface InsightsConfig {
  /** Partner ids (`X-Referral-Partner`) counted separately; any other value counts overall only. */
  partners: string[];
  /** Counts from 1 to k − 1 are shown as "< k". */
  k: number;
  /** ε per published report (Laplace-style two-sided geometric noise); undefined = no noise. */
  epsilon: number | undefined;
  /** The most ε all reports about one month may spend together; a report beyond it is refused. */
  epsilonBudget: number;
  /** How often counts reach the database (ms). */
  flushMs: number;
}

export function insightsConfig(input: Partial<InsightsConfig> = {}): InsightsConfig {
  return { partners: [], k: 10, epsilon: undefined, epsilonBudget: 10, flushMs: 5000, ...input };
}

/** A partner id as `X-Referral-Partner` carries it and partner accounts name it. */
export const PARTNER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** INSIGHTS_PARTNERS (comma-separated ids), INSIGHTS_K, INSIGHTS_EPSILON, INSIGHTS_EPSILON_BUDGET. */
export function insightsConfigFromEnv(env: NodeJS.ProcessEnv): InsightsConfig {
  const partners = (env.INSIGHTS_PARTNERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of partners)
    if (!PARTNER_ID.test(id))
      throw new Error(`INSIGHTS_PARTNERS: "${id}" is not a partner id (lower-case letters, digits and dashes).`);
  const number = (name: string, min: number, whole: boolean): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n)))
      throw new Error(`${name} must be a ${whole ? 'whole ' : ''}number of at least ${min}.`);
    return n;
  };
  const epsilon = number('INSIGHTS_EPSILON', 0.01, false);
  return insightsConfig({
    partners,
    k: number('INSIGHTS_K', 2, true) ?? 10,
    epsilon,
    epsilonBudget: number('INSIGHTS_EPSILON_BUDGET', 0.01, false) ?? (epsilon ?? 1) * 10,
  });
}
