// Finishing an account from its one-time setup link: `start` shows the TOTP secret to enrol (the same one until
// the link is used), `finish` sets the password and proves the authenticator with a code. Finishing uses the link
// up and ends the account's sessions.
import * as z from 'zod/v4/mini';
import { limitIp } from '../alerts/context.js';
import { hashPin } from '../alerts/crypto.js';
import type { Db } from '../db/types.js';
import { HttpError, type ExtraRoute } from '../http/types.js';
import { audit } from './audit.js';
import { parseInput, STAFF_API, tokenHash, type StaffContext } from './context.js';
import { checkOrigin } from './guard.js';
import { endSessionsOf } from './sessions.js';
import { totpSealContext } from './sign-in.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';

export const MIN_PASSWORD_LENGTH = 12;

const Start = z.object({ token: z.string().check(z.maxLength(100)) });
const Finish = z.object({
  token: z.string().check(z.maxLength(100)),
  password: z
    .string()
    .check(
      z.minLength(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
      z.maxLength(256, 'Use at most 256 characters.'),
    ),
  code: z.string().check(z.maxLength(12)),
});

interface OpenLink {
  token_hash: string;
  staff_id: string;
  totp_secret_enc: string | null;
  email: string;
  name: string;
  role: string;
  team_id: string | null;
}

async function openLink(db: Db, token: string, now: Date): Promise<OpenLink> {
  const [link] = await db.query<OpenLink>(
    `SELECT l.token_hash, l.staff_id, l.totp_secret_enc, a.email, a.name, a.role, a.team_id
     FROM staff_setup_links l JOIN staff_accounts a ON a.id = l.staff_id
     WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND a.status <> 'disabled'`,
    [tokenHash(token), now.toISOString()],
  );
  if (!link) {
    const message = 'This setup link is not valid or has expired. Ask an administrator for a new one.';
    throw new HttpError(400, 'invalid_token', message, { fields: [{ path: 'token', message }] });
  }
  return link;
}

export function setupRoutes(c: StaffContext): ExtraRoute[] {
  const guard = async (ctx: Parameters<ExtraRoute['handler']>[0]) => {
    checkOrigin(c, ctx);
    await limitIp(c, 'staff-sign-in', ctx.ip, c.config.signInPerIp);
  };
  return [
    {
      method: 'POST',
      path: `${STAFF_API}/setup/start`,
      handler: async (ctx) => {
        await guard(ctx);
        const { token } = parseInput(Start, ctx.body);
        const link = await openLink(c.db, token, c.now());
        let secret: string;
        if (link.totp_secret_enc) secret = c.keys.open(link.totp_secret_enc, totpSealContext(link.staff_id));
        else {
          secret = newTotpSecret();
          await c.db.run('UPDATE staff_setup_links SET totp_secret_enc = $2 WHERE token_hash = $1', [
            link.token_hash,
            c.keys.seal(secret, totpSealContext(link.staff_id)),
          ]);
        }
        return {
          status: 200,
          body: {
            email: link.email,
            name: link.name,
            role: link.role,
            totpSecret: secret,
            otpauthUri: otpauthUri(secret, link.email),
          },
        };
      },
    },
    {
      method: 'POST',
      path: `${STAFF_API}/setup/finish`,
      handler: async (ctx) => {
        await guard(ctx);
        const body = parseInput(Finish, ctx.body);
        const now = c.now();
        const link = await openLink(c.db, body.token, now);
        const secret = link.totp_secret_enc ? c.keys.open(link.totp_secret_enc, totpSealContext(link.staff_id)) : null;
        const step = secret === null ? null : matchTotp(secret, body.code.trim(), now, 0);
        if (step === null) {
          const message = 'That code did not match. Enter the 6-digit code your authenticator app shows now.';
          throw new HttpError(400, 'invalid_code', message, { fields: [{ path: 'code', message }] });
        }
        const passwordHash = await hashPin(body.password, c.config.passwordCost);
        await c.db.transaction(async (tx) => {
          const { changes } = await tx.run(
            'UPDATE staff_setup_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL',
            [link.token_hash, now.toISOString()],
          );
          if (changes !== 1) throw new HttpError(400, 'invalid_token', 'This setup link was already used.');
          await tx.run(
            `UPDATE staff_accounts SET password_hash = $2, totp_secret_enc = $3, last_totp_step = $4, status = 'active', failed_sign_ins = 0,
               locked_until = NULL, updated_at = $5 WHERE id = $1`,
            [link.staff_id, passwordHash, link.totp_secret_enc, step, now.toISOString()],
          );
          await endSessionsOf(tx, link.staff_id);
          await audit(tx, { actorId: link.staff_id, teamId: link.team_id, action: 'setup-finished' }, now);
        });
        return { status: 200, body: { status: 'ready' } };
      },
    },
  ];
}
