// A small OpenID provider on a loopback port, for SSO tests: discovery document, JWKS, an authorization endpoint
// that signs in whoever the test says, and a token endpoint that checks the client secret, the code, the redirect
// URI and the PKCE verifier before it answers with an ID token signed by jose on the test's clock.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** Who the provider signs in next, and what it puts in the ID token. */
export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  amr?: string[];
  acr?: string;
  /** A nonce other than the one the client sent (a replayed or forged token). */
  nonce?: string;
  /** Seconds from the clock's now to `exp` (default 300; negative: already expired). */
  expiresIn?: number;
}

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Signs this identity in at the next authorization request. */
  identity: FakeIdentity;
  /** The query of the last authorization request. */
  lastAuthorization: URLSearchParams | undefined;
  /** How many token requests were made. */
  tokenRequests: number;
  close(): Promise<void>;
}

interface Grant {
  identity: FakeIdentity;
  nonce: string;
  challenge: string;
  redirectUri: string;
}

const KID = 'test-key-1';

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) text += chunk.toString();
  return new URLSearchParams(text);
}

export async function startFakeProvider(now: () => Date): Promise<FakeProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  let issuer = '';
  const provider: FakeProvider = {
    issuer: '',
    clientId: 'referral-kit-console',
    clientSecret: 'client secret for tests',
    identity: { sub: 'nobody' },
    lastAuthorization: undefined,
    tokenRequests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function idToken(grant: Grant): Promise<string> {
    const { identity } = grant;
    const at = Math.floor(now().getTime() / 1000);
    const claims: Record<string, unknown> = { nonce: identity.nonce ?? grant.nonce };
    for (const key of ['email', 'email_verified', 'amr', 'acr'] as const) {
      if (identity[key] !== undefined) claims[key] = identity[key];
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(issuer)
      .setAudience(provider.clientId)
      .setSubject(identity.sub)
      .setIssuedAt(at)
      .setExpirationTime(at + (identity.expiresIn ?? 300))
      .sign(privateKey);
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      if (url.pathname === '/.well-known/openid-configuration') {
        json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
        });
        return;
      }
      if (url.pathname === '/jwks') {
        json(200, { keys: [jwk] });
        return;
      }
      if (url.pathname === '/authorize') {
        const q = url.searchParams;
        provider.lastAuthorization = q;
        if (q.get('client_id') !== provider.clientId || q.get('code_challenge_method') !== 'S256') {
          json(400, { error: 'invalid_request' });
          return;
        }
        const code = randomBytes(16).toString('base64url');
        grants.set(code, {
          identity: provider.identity,
          nonce: q.get('nonce') ?? '',
          challenge: q.get('code_challenge') ?? '',
          redirectUri: q.get('redirect_uri') ?? '',
        });
        const back = new URL(q.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.href });
        res.end();
        return;
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        provider.tokenRequests++;
        const form = await readForm(req);
        // client_secret_basic: id and secret form-encoded (RFC 6749 §2.3.1), joined by ':', base64.
        const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        const [id, secret] = basic.split(':').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
        if (id !== provider.clientId || secret !== provider.clientSecret) {
          json(401, { error: 'invalid_client' });
          return;
        }
        const grant = grants.get(form.get('code') ?? '');
        grants.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
          json(400, { error: 'invalid_grant' });
          return;
        }
        json(200, {
          access_token: randomBytes(16).toString('base64url'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: await idToken(grant),
        });
        return;
      }
      json(404, { error: 'not_found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.issuer = issuer;
  return provider;
}
