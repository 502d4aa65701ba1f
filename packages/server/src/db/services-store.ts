// Directory services and hotlines in the database. A version stamp in `meta` changes whenever the directory
// does, so every server process (and the CLI importer in another process) agrees on when to reload.
import type { Hotline, Service } from '@referral-kit/sdk';
import type { Db } from './types.js';
import { sha256 } from './normalize.js';

/** The stored services' JSON in id order, a page at a time: each read is short. */
export async function* serviceRowPages(db: Db, pageSize = 1000): AsyncGenerator<string[]> {
  for (let after = ''; ;) {
    const rows = await db.query<{ id: string; data: string }>(
      'SELECT id, data FROM services WHERE id > $1 ORDER BY id LIMIT $2',
      [after, pageSize],
    );
    if (rows.length > 0) yield rows.map((r) => r.data);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

export const SERVICES_VERSION_KEY = 'services_version';

export async function deleteService(tx: Db, id: string): Promise<void> {
  await tx.run('DELETE FROM services WHERE id = $1', [id]);
}

/** Recomputes the directory version from the stored content. Call inside the transaction that changed it. */
export async function bumpServicesVersion(tx: Db): Promise<string> {
  const rows = await tx.query<{ id: string; content_hash: string }>(
    'SELECT id, content_hash FROM services ORDER BY id',
  );
  const version = sha256(rows.map((r) => `${r.id}:${r.content_hash}`).join('\n')).slice(0, 20);
  await setMeta(tx, SERVICES_VERSION_KEY, version);
  return version;
}

export async function loadServices(db: Db): Promise<Service[]> {
  const rows = await db.query<{ data: string }>('SELECT data FROM services ORDER BY id');
  return rows.map((r) => JSON.parse(r.data) as Service);
}

export async function replaceHotlines(tx: Db, hotlines: readonly Hotline[]): Promise<void> {
  await tx.run('DELETE FROM hotlines');
  let position = 0;
  for (const hotline of hotlines) {
    await tx.run('INSERT INTO hotlines (id, position, data) VALUES ($1, $2, $3)', [
      hotline.id,
      position++,
      JSON.stringify(hotline),
    ]);
  }
}

export async function loadHotlines(db: Db): Promise<Hotline[]> {
  const rows = await db.query<{ data: string }>('SELECT data FROM hotlines ORDER BY position');
  return rows.map((r) => JSON.parse(r.data) as Hotline);
}

export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  const rows = await db.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
  return rows[0]?.value;
}

export async function setMeta(tx: Db, key: string, value: string): Promise<void> {
  await tx.run('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    value,
  ]);
}
