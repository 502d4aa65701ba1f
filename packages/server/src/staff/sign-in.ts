// Signing in with email, password and a TOTP code. Every failure gets the same answer, whether the email is unknown,
// the password or the code is wrong, or the account is locked or disabled; an unknown email costs the same password
// hash as a known one. Failures in a row lock the account for a while; the client address is rate limited too.
import * as z from 'zod/v4/mini';
import { limitIp } from '../alerts/context.js';
import { hashPin, verifyPin } from '../alerts/crypto.js';
import { HttpError, type ExtraRoute, type Handler } from '../http/types.js';
import { audit } from './audit.js';
import { memberOf, parseInput, STAFF_API, type StaffContext, type StaffMember, type StaffRow } from './context.js';
import { checkOrigin } from './guard.js';
import { beginSession, sessionCookie } from './sessions.js';
import { matchTotp } from './totp.js';

export const SIGN_IN_FAILED =
  'Those sign-in details did not work. Check them and try again; after several tries, wait a few minutes.';

const SignIn = z.object({
  email: z.string().check(z.maxLength(254)),
  password: z.string().check(z.maxLength(256)),
  code: z.string().check(z.maxLength(12)),
});

/** The TOTP secret sealed for one account. */
export const totpSealContext = (staffId: string) => `staff:${staffId}:totp`;

export function signInRoute(c: StaffContext): ExtraRoute {
  let dummyHash: Promise<string> | undefined;
  const failed = () => new HttpError(401, 'unauthorized', SIGN_IN_FAILED);

  async function verify(body: z.output<typeof SignIn>): Promise<StaffMember> {
    const now = c.now();
    const [row] = await c.db.query<
      StaffRow & {
        password_hash: string | null;
        totp_secret_enc: string | null;
        last_totp_step: number;
        locked_until: string | null;
      }
    >(
      `SELECT id, email, name, role, team_id, partner_id, status, password_hash, totp_secret_enc, last_totp_step, locked_until
       FROM staff_accounts WHERE email = $1`,
      [body.email.trim().toLowerCase()],
    );
    // Always one password hash, so timing does not tell a known email from an unknown one.
    const passwordOk = await verifyPin(
      body.password,
      row?.password_hash ?? (await (dummyHash ??= hashPin('not a password', c.config.passwordCost))),
    );
    if (!row || row.status !== 'active' || !row.password_hash || !row.totp_secret_enc) throw failed();
    if (row.locked_until !== null && Date.parse(row.locked_until) > now.getTime()) throw failed();
    const step = passwordOk
      ? matchTotp(
          c.keys.open(row.totp_secret_enc, totpSealContext(row.id)),
          body.code.trim(),
          now,
          Number(row.last_totp_step),
        )
      : null;
    // The step is taken in the same statement that checks it: two requests with one code cannot both pass.
    const taken =
      step === null
        ? 0
        : (
            await c.db.run(
              'UPDATE staff_accounts SET last_totp_step = $2, failed_sign_ins = 0, locked_until = NULL WHERE id = $1 AND last_totp_step < $2',
              [row.id, step],
            )
          ).changes;
    if (taken === 1) return memberOf(row);
    await recordFailure(row.id, row.team_id, now);
    throw failed();
  }

  /** Counts a failure and locks the account at the limit, in one statement so parallel guesses all count. */
  async function recordFailure(staffId: string, teamId: string | null, now: Date): Promise<void> {
    const lockedUntil = new Date(now.getTime() + c.config.lockoutMinutes * 60_000).toISOString();
    const [row] = await c.db.query<{ locked_until: string | null }>(
      `UPDATE staff_accounts SET
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END,
         failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END
       WHERE id = $1 RETURNING locked_until`,
      [staffId, c.config.lockoutAttempts, lockedUntil],
    );
    if (row?.locked_until === lockedUntil) {
      await audit(
        c.db,
        { actorId: staffId, teamId, action: 'account-locked', detail: { minutes: c.config.lockoutMinutes } },
        now,
      );
    }
  }

  const handler: Handler = async (ctx) => {
    checkOrigin(c, ctx);
    await limitIp(c, 'staff-sign-in', ctx.ip, c.config.signInPerIp);
    const member = await verify(parseInput(SignIn, ctx.body));
    const { token, csrfToken } = await beginSession(c, ctx.headers.cookie, member, 'password');
    return { status: 200, body: { staff: member, csrfToken }, headers: { 'set-cookie': sessionCookie(token) } };
  };
  return { method: 'POST', path: `${STAFF_API}/sign-in`, handler };
}
