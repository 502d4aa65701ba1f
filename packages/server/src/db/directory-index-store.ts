// Saved directory indexes in the database (migration 016): the worker stores one per services version, the API
// instances read it back in pieces. A row is written once and never changed; only the latest two are kept.
import type { Db } from './types.js';

/**
 * The saved form's format (directory-worker.ts: the snapshot's bytes and the SDK's `index.toJSON()`, gzip). Change it
 * whenever that form changes: instances of a newer release then build their own and ignore the older rows.
 */
export const INDEX_ENGINE = 'sdk-index-1+snapshot+gzip';
/** Versions kept: the newest, and the one instances may still be loading while the newest is written. */
export const KEPT_INDEXES = 2;
/** Bytes per read of a saved index: a short query each, and requests are answered between them. */
export const INDEX_CHUNK_BYTES = 1 << 20;

export interface StoredIndex {
  id: number;
  version: string;
  services: number;
  bytes: number;
  builtAt: string;
}

/** The saved index of a services version, if a worker has stored one (its description, not its bytes). */
export async function findStoredIndex(db: Db, version: string): Promise<StoredIndex | undefined> {
  const rows = await db.query<{ id: number; version: string; services: number; bytes: number; built_at: string }>(
    'SELECT id, version, services, bytes, built_at FROM directory_indexes WHERE version = $1 AND engine = $2',
    [version, INDEX_ENGINE],
  );
  const row = rows[0];
  return (
    row && { id: Number(row.id), version: row.version, services: row.services, bytes: row.bytes, builtAt: row.built_at }
  );
}

/** Stores a saved index (a repeat of the same version by another worker is ignored) and prunes the older ones. */
export async function storeIndex(
  db: Db,
  index: { version: string; services: number; builtAt: string; data: Uint8Array },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO directory_indexes (version, engine, services, bytes, built_at, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (version, engine) DO NOTHING`,
      [index.version, INDEX_ENGINE, index.services, index.data.byteLength, index.builtAt, index.data],
    );
    await tx.run(
      'DELETE FROM directory_indexes WHERE id NOT IN (SELECT id FROM directory_indexes ORDER BY id DESC LIMIT $1)',
      [KEPT_INDEXES],
    );
  });
}

/**
 * Reads a saved index's bytes in pieces of `INDEX_CHUNK_BYTES`, handing each to `onChunk`, so no single query or
 * decoding holds the event loop. Throws if the row is gone (pruned while read: a newer version exists).
 */
export async function readStoredIndex(
  db: Db,
  stored: StoredIndex,
  onChunk: (bytes: Uint8Array) => void,
): Promise<void> {
  for (let at = 0; at < stored.bytes; at += INDEX_CHUNK_BYTES) {
    const rows = await db.query<{ chunk: Uint8Array }>(
      'SELECT substr(data, $2, $3) AS chunk FROM directory_indexes WHERE id = $1',
      [stored.id, at + 1, INDEX_CHUNK_BYTES],
    );
    if (!rows[0]) throw new Error(`the saved directory index ${stored.version} was pruned while it was read`);
    onChunk(rows[0].chunk);
    // SQLite answers synchronously: let waiting requests in between two reads.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
