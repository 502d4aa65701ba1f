// Server-side sessions: the browser holds a random token in a __Host- cookie, the database only its hash. A session
// ends after the idle timeout or the absolute timeout, whichever comes first, and on sign-out.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/types.js';
import type { StaffConfig } from './config.js';
import { audit } from './audit.js';
import { memberOf, SESSION_COOKIE, tokenHash, type StaffContext, type StaffMember, type StaffRow } from './context.js';

export interface Session {
  tokenHash: string;
  csrfToken: string;
  member: StaffMember;
}

const newToken = () => randomBytes(32).toString('base64url');

/** Starts a session; the caller ends any session the browser came with (fixation: never keep an id across sign-in). */
export async function createSession(db: Db, staffId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const at = now.toISOString();
  await db.run(
    'INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)',
    [tokenHash(token), staffId, csrfToken, at],
  );
  return { token, csrfToken };
}

/**
 * Signs in a member whose credentials were checked (password + TOTP, or SSO). Session fixation: whatever session the
 * browser came with ends, and the new one always has a new token. The audit entry says how they signed in.
 */
export async function beginSession(
  c: Pick<StaffContext, 'db' | 'now'>,
  cookieHeader: string | undefined,
  member: StaffMember,
  method: 'password' | 'sso',
): Promise<{ token: string; csrfToken: string }> {
  const previous = sessionTokenFrom(cookieHeader);
  if (previous !== undefined) await endSession(c.db, tokenHash(previous));
  const now = c.now();
  const session = await createSession(c.db, member.id, now);
  await audit(c.db, { actorId: member.id, teamId: member.teamId, action: 'sign-in', detail: { method } }, now);
  return session;
}

export async function endSession(db: Db, hash: string): Promise<void> {
  await db.run('DELETE FROM staff_sessions WHERE token_hash = $1', [hash]);
}

/** Ends every session of an account (disabled, or its password was set again). */
export async function endSessionsOf(db: Db, staffId: string): Promise<void> {
  await db.run('DELETE FROM staff_sessions WHERE staff_id = $1', [staffId]);
}

/** The live session for a token, touched (idle clock restarts); an expired one is deleted and gives null. */
export async function resumeSession(
  db: Db,
  config: Pick<StaffConfig, 'idleTimeoutMinutes' | 'absoluteTimeoutHours'>,
  token: string,
  now: Date,
): Promise<Session | null> {
  const hash = tokenHash(token);
  const [row] = await db.query<StaffRow & { csrf_token: string; created_at: string; last_seen_at: string }>(
    `SELECT a.id, a.email, a.name, a.role, a.team_id, a.partner_id, a.status, s.csrf_token, s.created_at, s.last_seen_at
     FROM staff_sessions s JOIN staff_accounts a ON a.id = s.staff_id WHERE s.token_hash = $1`,
    [hash],
  );
  if (!row) return null;
  const idleEnds = Date.parse(row.last_seen_at) + config.idleTimeoutMinutes * 60_000;
  const absoluteEnds = Date.parse(row.created_at) + config.absoluteTimeoutHours * 3600_000;
  if (row.status !== 'active' || now.getTime() >= idleEnds || now.getTime() >= absoluteEnds) {
    await db.run('DELETE FROM staff_sessions WHERE token_hash = $1', [hash]);
    return null;
  }
  await db.run('UPDATE staff_sessions SET last_seen_at = $1 WHERE token_hash = $2', [now.toISOString(), hash]);
  return { tokenHash: hash, csrfToken: row.csrf_token, member: memberOf(row) };
}

/** Sessions past either timeout (run with the other retention work). */
export async function purgeExpiredSessions(
  db: Db,
  config: Pick<StaffConfig, 'idleTimeoutMinutes' | 'absoluteTimeoutHours'>,
  now: Date,
): Promise<void> {
  const idle = new Date(now.getTime() - config.idleTimeoutMinutes * 60_000).toISOString();
  const absolute = new Date(now.getTime() - config.absoluteTimeoutHours * 3600_000).toISOString();
  await db.run('DELETE FROM staff_sessions WHERE last_seen_at <= $1 OR created_at <= $2', [idle, absolute]);
}

/** The session cookie: no Max-Age (gone when the browser closes); the server enforces both timeouts. */
export const sessionCookie = (token: string) => `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=Strict`;
export const clearedSessionCookie = () => `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;

/** The session token from a Cookie header, if any. */
export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      if (/^[A-Za-z0-9_-]{20,100}$/.test(value)) return value;
    }
  }
  return undefined;
}
