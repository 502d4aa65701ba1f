// Saved directory indexes in the database (migration 016): the worker stores one per services version, in pieces,
// and the API instances read it back piece by piece. A complete index is never changed; only the latest two are kept.
import type { Db } from './types.js';

/**
 * The saved form's format (directory-worker.ts: the snapshot's bytes and the SDK's `index.toJSON()`, brotli). Change
 * it whenever that form changes: instances of a newer release then build their own and ignore the older rows.
 */
export const INDEX_ENGINE = 'sdk-index-1+snapshot+brotli';
/** Complete versions kept: the newest, and the one instances may still be loading while the newest is written. */
export const KEPT_INDEXES = 2;
/** Bytes per stored piece: one short query each, and requests are answered between them. */
export const INDEX_PIECE_BYTES = 1 << 20;

export interface StoredIndex {
  id: number;
  version: string;
  services: number;
  bytes: number;
  pieces: number;
}

/** The newest complete saved index of a services version, if a worker stored one (its description, not its bytes). */
export async function findStoredIndex(db: Db, version: string): Promise<StoredIndex | undefined> {
  const rows = await db.query<StoredIndex>(
    `SELECT id, version, services, bytes, pieces FROM directory_indexes
     WHERE version = $1 AND engine = $2 AND complete = 1 ORDER BY id DESC LIMIT 1`,
    [version, INDEX_ENGINE],
  );
  return rows[0] && { ...rows[0], id: Number(rows[0].id) };
}

/** How long a worker's claim on building a version holds: far longer than a build; an older claim's worker died. */
export const BUILD_CLAIM_MS = 10 * 60_000;
/** The one-key advisory lock under which workers claim builds (the migrations hold 727274). */
const BUILD_CLAIM_LOCK = 727275;

/**
 * Claims the build of `version` for one worker, unless another's claim on it is younger than BUILD_CLAIM_MS: several
 * workers would otherwise each index the same services. A claim is a row with no pieces yet; resolves with its id (to
 * release once the build is stored or has failed), or undefined when another worker holds it.
 */
export async function claimBuild(db: Db, version: string, now: Date): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    // Workers claiming at once: on PostgreSQL each waits here, then sees the claim before it (SQLite's write
    // transactions take turns already).
    if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [BUILD_CLAIM_LOCK]);
    const held = await tx.query(
      `SELECT 1 FROM directory_indexes
       WHERE version = $1 AND engine = $2 AND complete = 0 AND pieces = 0 AND built_at > $3 LIMIT 1`,
      [version, INDEX_ENGINE, new Date(now.getTime() - BUILD_CLAIM_MS).toISOString()],
    );
    if (held.length > 0) return undefined;
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO directory_indexes (version, engine, services, bytes, pieces, built_at)
       VALUES ($1, $2, 0, 0, 0, $3) RETURNING id`,
      [version, INDEX_ENGINE, now.toISOString()],
    );
    return Number(row!.id);
  });
}

export async function releaseBuild(db: Db, claim: number): Promise<void> {
  await db.run('DELETE FROM directory_indexes WHERE id = $1 AND complete = 0', [claim]);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Stores a saved index piece by piece, then marks it complete and prunes the older ones in one transaction, so an
 * instance sees either no index of this version or all of it.
 */
export async function storeIndex(
  db: Db,
  index: { version: string; services: number; builtAt: string; data: Uint8Array },
): Promise<void> {
  const pieces = Math.ceil(index.data.byteLength / INDEX_PIECE_BYTES);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO directory_indexes (version, engine, services, bytes, pieces, built_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [index.version, INDEX_ENGINE, index.services, index.data.byteLength, pieces, index.builtAt],
  );
  const id = Number(row!.id);
  for (let seq = 0; seq < pieces; seq++) {
    const piece = index.data.subarray(seq * INDEX_PIECE_BYTES, (seq + 1) * INDEX_PIECE_BYTES);
    await db.run('INSERT INTO directory_index_pieces (index_id, seq, data) VALUES ($1, $2, $3)', [id, seq, piece]);
    // SQLite writes synchronously: let waiting requests in between two pieces (`npm start` serves from this process).
    await nextTurn();
  }
  await db.transaction(async (tx) => {
    await tx.run('UPDATE directory_indexes SET complete = 1 WHERE id = $1', [id]);
    const kept = await tx.query<{ id: number }>(
      'SELECT id FROM directory_indexes WHERE complete = 1 ORDER BY id DESC LIMIT $1',
      [KEPT_INDEXES],
    );
    // Older than the oldest kept: superseded, or a build that never completed (its worker died).
    await tx.run('DELETE FROM directory_indexes WHERE id < $1', [Number(kept[kept.length - 1]!.id)]);
  });
}

/**
 * Reads a saved index's pieces in order, handing each to `onPiece`, so no single query holds the event loop. Throws if
 * a piece is gone (pruned while read: a newer version exists).
 */
export async function readStoredIndex(
  db: Db,
  stored: StoredIndex,
  onPiece: (bytes: Uint8Array) => void,
): Promise<void> {
  for (let seq = 0; seq < stored.pieces; seq++) {
    const rows = await db.query<{ data: Uint8Array }>(
      'SELECT data FROM directory_index_pieces WHERE index_id = $1 AND seq = $2',
      [stored.id, seq],
    );
    if (!rows[0]) throw new Error(`the saved directory index ${stored.version} was pruned while it was read`);
    onPiece(rows[0].data);
    await nextTurn();
  }
}
