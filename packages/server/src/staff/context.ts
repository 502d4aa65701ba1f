// What every staff handler shares, the roles, and the names a console UI needs (cookie, CSRF header, API prefix).
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { checkPart } from '@referral-kit/sdk';
import type * as z from 'zod/v4/mini';
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';
import type { AlertKeys } from '../alerts/crypto.js';
import type { Limiter } from '../alerts/rate-limiter.js';
import { HttpError } from '../http/types.js';
import type { StaffConfig } from './config.js';
import type { InsightsCounter } from '../insights/counter.js';
import type { InsightsConfig } from '../insights/config.js';
import type { Role } from './vocabulary.js';

export interface StaffContext {
  db: Db;
  config: StaffConfig;
  /** The alerts master key's derivations: seals TOTP secrets, opens callback contacts. */
  keys: AlertKeys;
  limiter: Limiter;
  logger: Logger;
  now: Clock;
  /** Where setup links point (the public URL of this server). */
  publicUrl: string;
  /** Insights: counting callback times and outcomes, and the reports' privacy settings and randomness (noise). */
  insights?: { counter?: InsightsCounter; config: InsightsConfig; random: () => number };
}

export const STAFF_API = '/console/api';
/** `__Host-`: the browser keeps it only if Secure, Path=/ and no Domain, so no subdomain can plant or read it. */
export const SESSION_COOKIE = '__Host-rk_staff';
export const CSRF_HEADER = 'x-csrf-token';
/** The console's start page (links in staff emails). */
export const STAFF_CONSOLE_PAGE = '/console';
/** The console page a setup link opens; the token travels in the fragment, never sent to a server or a log. */
export const SETUP_PAGE = '/console/setup';

export { ROLES, TEAM_ROLES, type Role } from './vocabulary.js';

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** The partner id a `partner` account reports on (null for every other role). */
  partnerId: string | null;
}

/** Tokens (session, setup) are 256-bit random, so a plain SHA-256 is enough to keep them out of the database. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A JSON body (or a query) checked against a schema, or the API's 400 with field errors. */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' = 'body',
): z.output<S> {
  const checked = checkPart(schema, value ?? {}, where);
  if (!checked.ok)
    throw new HttpError(400, 'validation_failed', 'Some fields are not valid.', { fields: checked.fields });
  return checked.value as z.output<S>;
}

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  partner_id: string | null;
  status: 'pending' | 'active' | 'disabled';
}

export const memberOf = (row: StaffRow): StaffMember => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  teamId: row.team_id,
  partnerId: row.partner_id,
});
