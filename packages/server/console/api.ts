// The console's calls to /console/api: same origin, JSON, the CSRF token on every POST. A 401 on a signed-in
// route means the session ended (idle or absolute timeout, sign-out elsewhere): the shell is told, once.
import type { Team } from '../src/callbacks/routing.js';
import type { Report, ViewName } from '../src/insights/report.js';
import type { Outcome, RequestStatus, Role } from '../src/staff/vocabulary.js';

export type { Report, Team, ViewName };

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
}

export interface Session {
  staff: Staff;
  csrfToken: string;
}

export interface RequestSummary {
  id: string;
  reference: string;
  teamId: string | null;
  topic: string;
  priority: number;
  channel: string;
  language: string;
  interpreterNeeded: boolean;
  windows: string[];
  timeZone: string;
  leaveMessage: boolean;
  regionState: string | null;
  status: RequestStatus;
  outcome: Outcome | null;
  assignedTo: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  erased: boolean;
}

export interface Attempt {
  id: string;
  at: string;
  staffId: string;
  channel: string;
  reached: boolean;
  note: string | null;
}

export interface RequestDetail {
  request: RequestSummary & {
    contact: string | null;
    name: string | null;
    note: string | null;
    interpreterLanguage: string | null;
    recordId: string | null;
    serviceId: string | null;
  };
  attempts: Attempt[];
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  teamId: string | null;
  action: string;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export interface StaffAccount extends Staff {
  status: 'pending' | 'active' | 'disabled';
  locked: boolean;
  createdAt: string;
}

export interface InsightsIndex {
  views: ViewName[];
  partners: string[];
  k: number;
  epsilon: number | null;
  periods: string[];
}

/** Where a report lives: JSON for the dashboard, and the same path plus `.csv` for its download. */
export function insightsPath(view: ViewName, period: string, partner: string | null, format: 'json' | 'csv'): string {
  const query = new URLSearchParams({ period });
  if (partner) query.set('partner', partner);
  return `${BASE}/insights/${view}${format === 'csv' ? '.csv' : ''}?${query}`;
}

/** Someone a request of the team can be assigned to. */
export interface TeamMember {
  id: string;
  name: string;
  role: Role;
  /** Assigned or contacted requests they hold. */
  openRequests: number;
}

export interface FieldError {
  path: string;
  message: string;
}

/** An answer in the API's error shape (or no answer at all: status 0, code `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

const BASE = '/console/api';

export class ConsoleApi {
  #csrfToken = '';

  /** `onExpired` runs when a signed-in call answers 401. */
  constructor(private readonly onExpired: () => void) {}

  async #call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signedIn = true): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (signedIn) headers['x-csrf-token'] = this.#csrfToken;
    }
    let res: Response;
    try {
      res = await fetch(BASE + path, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    const json = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; fields?: FieldError[] };
    };
    if (res.ok) return json as T;
    if (res.status === 401 && signedIn) this.onExpired();
    throw new ApiError(
      res.status,
      json.error?.code ?? 'unknown',
      json.error?.message ?? res.statusText,
      json.error?.fields ?? [],
    );
  }

  #keep(session: Session): Session {
    this.#csrfToken = session.csrfToken;
    return session;
  }

  /** The current session, if the browser has one (401 here is "not signed in", not "expired"). */
  async session(): Promise<Session | null> {
    try {
      return this.#keep(await this.#call<Session>('GET', '/session', undefined, false));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }

  async signIn(email: string, password: string, code: string): Promise<Session> {
    return this.#keep(await this.#call<Session>('POST', '/sign-in', { email, password, code }, false));
  }

  /** Where the "sign in with your organization" link goes, or null when single sign-on is not set up. */
  async ssoStart(): Promise<string | null> {
    try {
      return (await this.#call<{ start: string | null }>('GET', '/sso', undefined, false)).start;
    } catch {
      return null;
    }
  }

  async signOut(): Promise<void> {
    await this.#call('POST', '/sign-out');
    this.#csrfToken = '';
  }

  setupStart = (token: string) =>
    this.#call<{ email: string; name: string; role: Role; totpSecret: string; otpauthUri: string }>(
      'POST',
      '/setup/start',
      { token },
      false,
    );
  setupFinish = (token: string, password: string, code: string) =>
    this.#call<{ status: 'ready' }>('POST', '/setup/finish', { token, password, code }, false);

  queue(filters: { status: string; assigned: string }): Promise<{ requests: RequestSummary[] }> {
    const query = new URLSearchParams({ status: filters.status });
    if (filters.assigned) query.set('assigned', filters.assigned);
    return this.#call('GET', `/requests?${query}`);
  }

  request = (id: string) => this.#call<RequestDetail>('GET', `/requests/${encodeURIComponent(id)}`);
  assign = (id: string, staffId?: string) =>
    this.#call<RequestDetail>('POST', `/requests/${encodeURIComponent(id)}/assign`, staffId ? { staffId } : {});
  teamStaff = (teamId: string) =>
    this.#call<{ staff: TeamMember[] }>('GET', `/teams/${encodeURIComponent(teamId)}/staff`);
  attempt = (id: string, body: { channel: string; reached: boolean; note?: string }) =>
    this.#call<RequestDetail>('POST', `/requests/${encodeURIComponent(id)}/attempts`, body);
  close = (id: string, outcome: Outcome) =>
    this.#call<RequestDetail>('POST', `/requests/${encodeURIComponent(id)}/close`, { outcome });

  audit(before?: number): Promise<{ entries: AuditEntry[] }> {
    return this.#call('GET', before === undefined ? '/audit' : `/audit?before=${before}`);
  }

  staffAccounts = () => this.#call<{ staff: StaffAccount[] }>('GET', '/admin/staff');
  disable = (id: string) =>
    this.#call<{ status: 'disabled' }>('POST', `/admin/staff/${encodeURIComponent(id)}/disable`);
  setupLink = (id: string) =>
    this.#call<{ setupUrl: string; expiresAt: string }>('POST', `/admin/staff/${encodeURIComponent(id)}/setup-link`);
  teams = () => this.#call<{ teams: Team[] }>('GET', '/admin/teams');
  saveTeam = (team: Team) => this.#call<{ team: Team }>('POST', '/admin/teams', team);

  insights = () => this.#call<InsightsIndex>('GET', '/insights');
  report = (view: ViewName, period: string, partner: string | null) =>
    this.#call<Report>('GET', insightsPath(view, period, partner, 'json').slice(BASE.length));
}
