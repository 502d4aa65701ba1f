// Single sign-on with OpenID Connect (openid-client), only when an issuer is configured: the authorization code flow
// with PKCE, `state` and `nonce`; openid-client checks the ID token's issuer, audience, nonce and times. Its signature
// is not checked (nor the provider's keys fetched): the token comes straight from the provider's token endpoint, over
// TLS, in answer to this client's secret (OpenID Connect Core 3.1.3.7). An SSO identity signs in only to an existing,
// active account: found by the identity it is pinned to, or the first time by the provider's verified email, which
// then pins it. Every refusal looks the same to the browser. The session is the one password sign-in starts (same
// cookie, timeouts, fixation rule).
import * as oidc from 'openid-client';
import { limitIp } from '../alerts/context.js';
import type { ExtraRoute, Handler, HandlerResult } from '../http/types.js';
import { audit } from './audit.js';
import {
  memberOf,
  STAFF_API,
  STAFF_CONSOLE_PAGE,
  type StaffContext,
  type StaffMember,
  type StaffRow,
} from './context.js';
import { returnPage } from './pages.js';
import { beginSession, sessionCookie } from './sessions.js';
import { isLoopback, SSO_CALLBACK_PATH, type SsoConfig } from './sso-config.js';

/**
 * Holds the flow's secrets (state, nonce, PKCE verifier) sealed with the server's key between the redirect to the
 * provider and its answer. `SameSite=Lax`, not Strict: it must come back on the provider's cross-site redirect.
 */
export const SSO_FLOW_COOKIE = '__Host-rk_sso';
const FLOW_MINUTES = 10;
const FLOW_SEAL_CONTEXT = 'staff-sso-flow';
const SIGN_IN_PAGE = `${STAFF_CONSOLE_PAGE}/sign-in`;
const SSO_START_PATH = `${STAFF_API}/sso/start`;
/** Where a refused sign-in lands: one page for every reason (unknown identity, no MFA, bad state, expired token…). */
export const SSO_FAILED_PAGE = `${SIGN_IN_PAGE}?sso=failed`;
/**
 * Where a signed-in browser lands. Not a page behind the session: the provider's cross-site redirect still marks
 * this navigation cross-site, so the `SameSite=Strict` session cookie is not sent with it (that page would answer
 * 401). The sign-in page opens for anyone; its script asks for the session with the cookie and goes on to the page
 * the person asked for before signing in (`?next=`, which the sign-in link passed to the start as `?return=`), or to
 * the queue.
 */
export const SSO_SIGNED_IN_PAGE = SIGN_IN_PAGE;
const signedInPage = (returnTo: string | null) =>
  returnTo ? `${SSO_SIGNED_IN_PAGE}?next=${encodeURIComponent(returnTo)}` : SSO_SIGNED_IN_PAGE;
/** The provider could not be reached (discovery failed): the person can still use their password. */
export const SSO_UNAVAILABLE_PAGE = `${SIGN_IN_PAGE}?sso=unavailable`;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
  /** The console page to go on to once signed in (checked by returnPage), or null for the queue. */
  returnTo: string | null;
}

const flowCookie = (sealed: string) =>
  `${SSO_FLOW_COOKIE}=${sealed}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${FLOW_MINUTES * 60}`;
const clearedFlowCookie = `${SSO_FLOW_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;

const redirect = (location: string, cookies: string[]): HandlerResult & { contentType: string } => ({
  status: 303,
  body: '',
  contentType: 'text/plain; charset=utf-8',
  headers: { location, 'set-cookie': cookies },
});

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the ID token shows the second factor the configuration asks for. */
function meetsAssurance(sso: SsoConfig, claims: oidc.IDToken): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  if (sso.requiredAmr.length > 0 && !sso.requiredAmr.some((value) => amr.includes(value))) return false;
  if (sso.requiredAcr.length > 0 && !(typeof claims.acr === 'string' && sso.requiredAcr.includes(claims.acr)))
    return false;
  return true;
}

/**
 * What the sign-in page asks: the SSO link, or null. It answers either way, so a server without SSO does not put a
 * 404 in every sign-in page's console; the flow's own routes exist only with SSO.
 */
const offer = (start: string | null): ExtraRoute => ({
  method: 'GET',
  path: `${STAFF_API}/sso`,
  handler: async () => ({ status: 200, body: { start } }),
});

export function ssoRoutes(c: StaffContext): ExtraRoute[] {
  if (!c.config.sso) return [offer(null)];
  const sso: SsoConfig = c.config.sso;
  // Plain http only for an issuer on this machine (development, the tests' fake provider).
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out, as above
  const insecure = isLoopback(sso.issuer) ? [oidc.allowInsecureRequests] : [];
  let discovered: Promise<oidc.ServerMetadata> | undefined;

  /** The provider's metadata, discovered on first use (a provider that is down must not stop the server starting). */
  function provider(): Promise<oidc.ServerMetadata> {
    discovered ??= oidc
      .discovery(sso.issuer, sso.clientId, undefined, undefined, { execute: insecure })
      .then((found) => found.serverMetadata())
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw error;
      });
    return discovered;
  }

  /**
   * A client for one sign-in. openid-client checks token times against the machine's clock; the skew makes it use
   * the server's clock instead (0 in production, where they are the same; the offset of a test's clock in tests).
   */
  function client(metadata: oidc.ServerMetadata, now: Date): oidc.Configuration {
    const methods = metadata.token_endpoint_auth_methods_supported;
    const auth =
      methods === undefined || methods.includes('client_secret_basic')
        ? oidc.ClientSecretBasic(sso.clientSecret)
        : oidc.ClientSecretPost(sso.clientSecret);
    const skew = Math.round((now.getTime() - Date.now()) / 1000);
    const config = new oidc.Configuration(metadata, sso.clientId, { [oidc.clockSkew]: skew }, auth);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the loopback-only allowance above
    for (const allow of insecure) allow(config);
    return config;
  }

  function openFlow(sealed: string | undefined, now: Date): Flow | undefined {
    if (sealed === undefined || sealed === '') return undefined;
    try {
      const flow = JSON.parse(c.keys.open(decodeURIComponent(sealed), FLOW_SEAL_CONTEXT)) as Flow;
      return flow.expiresAt > now.getTime() ? flow : undefined;
    } catch {
      return undefined; // not sealed by this server
    }
  }

  /** The account this identity signs in to, or why not (logged, never shown). */
  async function accountFor(claims: oidc.IDToken): Promise<StaffMember | string> {
    const columns = 'id, email, name, role, team_id, partner_id, status, sso_issuer, sso_subject';
    type Row = StaffRow & { sso_issuer: string | null; sso_subject: string | null };
    const [pinned] = await c.db.query<Row>(
      `SELECT ${columns} FROM staff_accounts WHERE sso_issuer = $1 AND sso_subject = $2`,
      [claims.iss, claims.sub],
    );
    if (pinned) return pinned.status === 'active' ? memberOf(pinned) : 'account not active';
    if (claims.email_verified !== true || typeof claims.email !== 'string') return 'no verified email';
    const [row] = await c.db.query<Row>(`SELECT ${columns} FROM staff_accounts WHERE email = $1`, [
      claims.email.trim().toLowerCase(),
    ]);
    if (!row) return 'unknown identity';
    if (row.status !== 'active') return 'account not active';
    // An account pinned to another identity of this provider stays with it (a reused or changed email).
    const pin = await c.db.run(
      `UPDATE staff_accounts SET sso_issuer = $2, sso_subject = $3, updated_at = $4
       WHERE id = $1 AND (sso_subject IS NULL OR sso_issuer <> $2)`,
      [row.id, claims.iss, claims.sub, c.now().toISOString()],
    );
    if (pin.changes !== 1) return 'account pinned to another identity';
    await audit(c.db, { actorId: row.id, teamId: row.team_id, action: 'sso-linked' }, c.now());
    return memberOf(row);
  }

  const start: Handler = async (ctx) => {
    await limitIp(c, 'staff-sign-in', ctx.ip, c.config.signInPerIp);
    let metadata: oidc.ServerMetadata;
    try {
      metadata = await provider();
    } catch (error) {
      c.logger.warn({ requestId: ctx.requestId, err: error }, 'sso: provider discovery failed');
      return redirect(SSO_UNAVAILABLE_PAGE, [clearedFlowCookie]);
    }
    const now = c.now();
    const flow: Flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expiresAt: now.getTime() + FLOW_MINUTES * 60_000,
      returnTo: returnPage(new URL(ctx.url ?? '', sso.redirectUrl).searchParams.get('return')),
    };
    const url = oidc.buildAuthorizationUrl(client(metadata, now), {
      redirect_uri: sso.redirectUrl.href,
      scope: 'openid email',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      ...(sso.requiredAcr.length > 0 ? { acr_values: sso.requiredAcr.join(' ') } : {}),
    });
    const sealed = encodeURIComponent(c.keys.seal(JSON.stringify(flow), FLOW_SEAL_CONTEXT));
    return redirect(url.href, [flowCookie(sealed)]);
  };

  const callback: Handler = async (ctx) => {
    await limitIp(c, 'staff-sign-in', ctx.ip, c.config.signInPerIp);
    const now = c.now();
    const refuse = (reason: string, err?: unknown) => {
      c.logger.info({ requestId: ctx.requestId, reason, err }, 'sso: sign-in refused');
      return redirect(SSO_FAILED_PAGE, [clearedFlowCookie]);
    };
    const flow = openFlow(cookieValue(ctx.headers.cookie, SSO_FLOW_COOKIE), now);
    if (!flow) return refuse('no flow, or it expired');
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        client(await provider(), now),
        new URL(ctx.url ?? '', sso.redirectUrl),
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: sso.redirectUrl.href },
      );
      claims = tokens.claims();
    } catch (error) {
      return refuse('the provider answer did not pass the checks', error);
    }
    if (!claims) return refuse('no ID token');
    if (!meetsAssurance(sso, claims)) return refuse('no second factor (amr/acr)');
    const member = await accountFor(claims);
    if (typeof member === 'string') return refuse(member);
    const { token } = await beginSession(c, ctx.headers.cookie, member, 'sso');
    return redirect(signedInPage(returnPage(flow.returnTo)), [sessionCookie(token), clearedFlowCookie]);
  };

  return [
    offer(SSO_START_PATH),
    { method: 'GET', path: SSO_START_PATH, handler: start },
    { method: 'GET', path: SSO_CALLBACK_PATH, handler: callback },
  ];
}
