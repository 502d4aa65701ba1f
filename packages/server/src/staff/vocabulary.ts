// The staff API's words that the console UI (browser code, packages/server/console/) needs too: no Node imports here.
export const ROLES = ['specialist', 'supervisor', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that work callback requests; a `partner` account sees only its own partner id's insights. */
export const TEAM_ROLES = ['specialist', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** Roles that read the insights reports (a partner its own partner id's only). */
export const INSIGHT_ROLES = ['supervisor', 'admin', 'partner'] as const satisfies readonly Role[];

export const REQUEST_STATUSES = ['new', 'assigned', 'contacted', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const OUTCOMES = [
  'reached',
  'no_answer_after_attempts',
  'declined',
  'referred',
  'releasable_info_provided',
  'none_releasable',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
