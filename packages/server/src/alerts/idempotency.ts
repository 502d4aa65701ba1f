// Idempotency-Key for POSTs that create something (alert signups, callback requests): the first answer is kept
// (keyed by an HMAC of the header, never the header itself) and replayed; the same key with another body is refused.
import type { Db } from '../db/types.js';
import { HttpError, type HandlerResult } from '../http/types.js';
import type { AlertKeys } from './crypto.js';

export interface IdempotencyHashes {
  key: string;
  request: string;
}

/** Hashes of the header and the request, or null without a header; `scope` keeps routes' keys apart. */
export function idempotencyHashes(
  keys: AlertKeys,
  scope: string,
  header: string | undefined,
  request: unknown,
): IdempotencyHashes | null {
  if (header === undefined) return null;
  if (!/^[\x21-\x7e]{8,255}$/.test(header)) {
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', {
      fields: [{ path: 'Idempotency-Key', message: 'Use 8 to 255 visible ASCII characters.' }],
    });
  }
  return {
    key: keys.idempotencyHash(scope, header),
    request: keys.idempotencyHash(`${scope}-body`, canonicalJson(request)),
  };
}

/** The first answer given for this key, or a 400 when the key comes back with a different request. */
export async function findReplay(db: Db, hashes: IdempotencyHashes, status: number): Promise<HandlerResult | null> {
  const [row] = await db.query<{ request_hash: string; response: string }>(
    'SELECT request_hash, response FROM alert_idempotency WHERE key_hash = $1',
    [hashes.key],
  );
  if (!row) return null;
  if (row.request_hash !== hashes.request) {
    throw new HttpError(400, 'validation_failed', 'This Idempotency-Key was already used for a different request.', {
      fields: [{ path: 'Idempotency-Key', message: 'Use a new key for a new request.' }],
    });
  }
  return { status, body: JSON.parse(row.response) as unknown };
}

/** Keeps the answer for replays; call inside the transaction that made the change. */
export async function rememberAnswer(tx: Db, hashes: IdempotencyHashes, body: unknown, now: Date): Promise<void> {
  await tx.run('INSERT INTO alert_idempotency (key_hash, request_hash, response, created_at) VALUES ($1, $2, $3, $4)', [
    hashes.key,
    hashes.request,
    JSON.stringify(body),
    now.toISOString(),
  ]);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
