// Staff accounts: created by the CLI as `pending` with a one-time setup link; the link's owner sets a password and
// enrols a TOTP authenticator, which makes the account `active`.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/types.js';
import { randomId } from '../alerts/crypto.js';
import { audit } from './audit.js';
import type { StaffConfig } from './config.js';
import { PARTNER_ID } from '../insights/config.js';
import { ROLES, SETUP_PAGE, tokenHash, type Role } from './context.js';

export interface NewStaff {
  email: string;
  name: string;
  role: string;
  teamId?: string;
  /** A `partner` account's partner id (its `X-Referral-Partner`). */
  partnerId?: string;
}

export class StaffInputError extends Error {
  override name = 'StaffInputError';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a pending account and returns its id. Specialists and supervisors belong to a team; admins may not. */
export async function createStaffAccount(db: Db, input: NewStaff, now: Date): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!EMAIL.test(email)) throw new StaffInputError('--email must be an email address.');
  if (name === '' || name.length > 100) throw new StaffInputError('--name must be 1 to 100 characters.');
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new StaffInputError(`--role must be one of ${ROLES.join(', ')}.`);
  const role = input.role as Role;
  if (role === 'partner') {
    if (!input.partnerId || !PARTNER_ID.test(input.partnerId))
      throw new StaffInputError('A partner account reports on one partner id: give --partner.');
    if (input.teamId) throw new StaffInputError('A partner account belongs to no team.');
  } else {
    if (input.partnerId) throw new StaffInputError('Only a partner account has --partner.');
    if (role !== 'admin' && !input.teamId) throw new StaffInputError(`A ${role} belongs to a team: give --team.`);
  }
  if (input.teamId) {
    const [team] = await db.query('SELECT 1 FROM callback_teams WHERE id = $1', [input.teamId]);
    if (!team)
      throw new StaffInputError(`There is no team "${input.teamId}" (add it with "referral-kit staff team add").`);
  }
  const [taken] = await db.query('SELECT 1 FROM staff_accounts WHERE email = $1', [email]);
  if (taken) throw new StaffInputError(`There is already an account for ${email}.`);
  const id = randomId();
  const at = now.toISOString();
  await db.run(
    `INSERT INTO staff_accounts (id, email, name, role, team_id, partner_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7)`,
    [id, email, name, role, input.teamId ?? null, input.partnerId ?? null, at],
  );
  return id;
}

/**
 * A new setup link for an account (earlier unused links stop working). Used once, within the configured hours;
 * finishing setup replaces the password and authenticator, so it also serves as a reset issued by an operator.
 */
export async function issueSetupLink(
  db: Db,
  config: Pick<StaffConfig, 'setupLinkHours'>,
  staffId: string,
  publicUrl: string,
  now: Date,
): Promise<{ url: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.setupLinkHours * 3600_000).toISOString();
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM staff_setup_links WHERE staff_id = $1 AND used_at IS NULL', [staffId]);
    await tx.run(
      'INSERT INTO staff_setup_links (token_hash, staff_id, expires_at, created_at) VALUES ($1, $2, $3, $4)',
      [tokenHash(token), staffId, expiresAt, now.toISOString()],
    );
  });
  return { url: `${publicUrl.replace(/\/+$/, '')}${SETUP_PAGE}#${token}`, expiresAt };
}

/** The account id for an email (lower-cased), or undefined. */
export async function staffIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM staff_accounts WHERE email = $1', [
    email.trim().toLowerCase(),
  ]);
  return row?.id;
}

/**
 * Forgets the single sign-on identity an account is pinned to (its owner's identity at the provider changed); the
 * next SSO sign-in pins it again by verified email. False when the account was not pinned.
 */
export async function resetSsoIdentity(db: Db, staffId: string, now: Date): Promise<boolean> {
  const [row] = await db.query<{ team_id: string | null }>(
    `UPDATE staff_accounts SET sso_issuer = NULL, sso_subject = NULL, updated_at = $2
     WHERE id = $1 AND sso_subject IS NOT NULL RETURNING team_id`,
    [staffId, now.toISOString()],
  );
  if (!row) return false;
  await audit(db, { actorId: null, teamId: row.team_id, action: 'sso-reset', detail: { staffId } }, now);
  return true;
}
