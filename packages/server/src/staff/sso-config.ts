// Single sign-on settings (OpenID Connect). Without STAFF_OIDC_ISSUER there is no SSO: the console offers only
// password + TOTP, and the SSO routes answer 404.
import { STAFF_API } from './context.js';

/** Where the identity provider sends the browser back (register this path with the provider). */
export const SSO_CALLBACK_PATH = `${STAFF_API}/sso/callback`;

export interface SsoConfig {
  /** The OpenID provider; its metadata comes from `<issuer>/.well-known/openid-configuration`. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** This server's callback URL as registered with the provider; its path is SSO_CALLBACK_PATH. */
  redirectUrl: URL;
  /**
   * The ID token's `amr` must contain at least one of these (RFC 8176: `mfa`, `otp`, `hwk`…), so SSO keeps the
   * console's second factor. Empty: the provider's own sign-in policy is trusted.
   */
  requiredAmr: readonly string[];
  /** Asked for with `acr_values`, and the ID token's `acr` must be one of them. Empty: not asked, not checked. */
  requiredAcr: readonly string[];
}

/** Plain http only for a provider on this machine (development and tests); every other URL must be https. */
export const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

function checkUrl(name: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be a URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
    throw new Error(`${name} must be an https: URL.`);
  return url;
}

export function ssoConfig(input: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  requiredAmr?: readonly string[];
  requiredAcr?: readonly string[];
}): SsoConfig {
  const redirectUrl = checkUrl('STAFF_OIDC_REDIRECT_URL', input.redirectUrl);
  if (redirectUrl.pathname !== SSO_CALLBACK_PATH || redirectUrl.search !== '')
    throw new Error(`STAFF_OIDC_REDIRECT_URL must end in ${SSO_CALLBACK_PATH}.`);
  return {
    issuer: checkUrl('STAFF_OIDC_ISSUER', input.issuer),
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    redirectUrl,
    requiredAmr: input.requiredAmr ?? ['mfa'],
    requiredAcr: input.requiredAcr ?? [],
  };
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');

/**
 * STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET, STAFF_OIDC_REDIRECT_URL (default: PUBLIC_URL +
 * SSO_CALLBACK_PATH), STAFF_OIDC_REQUIRED_AMR (default `mfa`; `none` trusts the provider), STAFF_OIDC_REQUIRED_ACR.
 */
export function ssoConfigFromEnv(env: NodeJS.ProcessEnv, publicUrl: string | undefined): SsoConfig | undefined {
  const read = (name: string) => env[name]?.trim() || undefined;
  const issuer = read('STAFF_OIDC_ISSUER');
  const clientId = read('STAFF_OIDC_CLIENT_ID');
  const clientSecret = read('STAFF_OIDC_CLIENT_SECRET');
  if (issuer === undefined) {
    if (clientId !== undefined || clientSecret !== undefined)
      throw new Error('STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET need STAFF_OIDC_ISSUER.');
    return undefined;
  }
  if (clientId === undefined || clientSecret === undefined)
    throw new Error('STAFF_OIDC_ISSUER needs STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET.');
  const redirectUrl =
    read('STAFF_OIDC_REDIRECT_URL') ?? (publicUrl && `${publicUrl.replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`);
  if (!redirectUrl) throw new Error('STAFF_OIDC_ISSUER needs STAFF_OIDC_REDIRECT_URL or PUBLIC_URL.');
  const amr = read('STAFF_OIDC_REQUIRED_AMR');
  return ssoConfig({
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    requiredAmr: amr === undefined ? undefined : amr === 'none' ? [] : list(amr),
    requiredAcr: list(read('STAFF_OIDC_REQUIRED_ACR')),
  });
}
