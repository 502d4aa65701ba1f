// Tables that keep one JSON document per id with the hash of its content (services, facilities): an import compares
// hashes to skip what did not change, and writes new and changed documents the same way for both.
import type { Db } from './types.js';
import { insertMany } from './batch.js';
import { canonicalJson, sha256 } from './normalize.js';

export type DocumentTable = 'services' | 'facilities';

export function documentHash(document: object): string {
  return sha256(canonicalJson(document));
}

/** Stored documents by id, with their content hash. */
export async function loadContentHashes(db: Db, table: DocumentTable): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM ${table}`);
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/** Inserts new documents (batched) and replaces changed ones. Call inside a transaction. */
export async function writeDocuments(
  tx: Db,
  table: DocumentTable,
  items: readonly { document: { id: string }; exists: boolean }[],
  now: string,
): Promise<void> {
  const row = (document: { id: string }) => [document.id, JSON.stringify(document), documentHash(document), now];
  for (const { document } of items.filter((i) => i.exists)) {
    await tx.run(`UPDATE ${table} SET data = $2, content_hash = $3, updated_at = $4 WHERE id = $1`, row(document));
  }
  await insertMany(
    tx,
    table,
    ['id', 'data', 'content_hash', 'updated_at'],
    items.filter((i) => !i.exists).map((i) => row(i.document)),
  );
}
