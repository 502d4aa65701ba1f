// One version of the directory in its own thread (see directory-thread.ts). A builder takes the stored services as
// JSON rows and makes the SDK's search index and its saved form away from the API's event loop (seconds at 100k
// services), at the lowest priority. A server restores a saved form, then answers searches and lookups by id until
// the next version replaces it.
import { readlinkSync } from 'node:fs';
import { constants as os, setPriority } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import type { Service } from '@referral-kit/sdk';
import {
  createDirectoryIndex,
  loadServiceIndex,
  searchDirectory,
  type IndexData,
  type ServiceIndex,
} from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';
import { openDb } from '../db/index.js';
import { serviceRowPages } from '../db/services-store.js';
import type { DbLocation } from '../db/types.js';
import type { FromDirectoryWorker, ToDirectoryWorker } from './directory-thread.js';

const port = parentPort!;
const { background } = workerData as { background: boolean };
let rows: string[] = [];
let services: Service[] = [];
let saved: Uint8Array[] = [];
let index: ServiceIndex | undefined;
const byId = new Map<string, Service>();

const send = (message: FromDirectoryWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/**
 * `{"version":…,"generatedAt":…,"services":[rows]}` written straight into one buffer: the rows are the stored
 * services' JSON, so no 100 MB string is ever made (nor parsed and printed again).
 */
function snapshotBytes(version: string, generatedAt: string): ArrayBuffer {
  const head = `{"version":${JSON.stringify(version)},"generatedAt":${JSON.stringify(generatedAt)},"services":[`;
  const size =
    Buffer.byteLength(head) + rows.reduce((n, row) => n + Buffer.byteLength(row), 0) + Math.max(0, rows.length - 1) + 2;
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = bytes.write(head);
  rows.forEach((row, i) => {
    if (i > 0) at += bytes.write(',', at);
    at += bytes.write(row, at);
  });
  bytes.write(']}', at);
  return bytes.buffer;
}

/**
 * The saved form (INDEX_ENGINE in db/directory-index-store.ts), brotli of: the snapshot's length (4 bytes, big-endian),
 * the snapshot's bytes (the services as stored, which the index needs anyway), then the index's JSON. Quality 6: at
 * 100k services, 150 MB become 11.6 MB (gzip -6: 20 MB), and brotli unpacks faster than gunzip.
 */
function savedForm(snapshot: ArrayBuffer, index: ServiceIndex): ArrayBuffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(snapshot.byteLength);
  const packed = brotliCompressSync(
    Buffer.concat([length, Buffer.from(snapshot), Buffer.from(JSON.stringify(index.toJSON()))]),
    { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } },
  );
  return packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength);
}

/**
 * A builder yields the cores to every other thread when they want them: Linux sets a priority per thread, named by its
 * id (/proc/thread-self). Elsewhere the same call would lower the whole process, requests included, so it is skipped.
 */
function lowerPriority(): void {
  let thread: number;
  try {
    thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return;
  }
  setPriority(thread, os.priority.PRIORITY_LOW);
}

/** A saved form back to the snapshot's bytes and the index, without indexing the services again. */
function restore(version: string): ArrayBuffer {
  const bytes = brotliDecompressSync(Buffer.concat(saved));
  saved = [];
  const length = bytes.readUInt32BE(0);
  const snapshot = bytes.subarray(4, 4 + length);
  const parsed = JSON.parse(snapshot.toString('utf8')) as { version: unknown; services: Service[] };
  if (parsed.version !== version) throw new Error(`the saved index holds version ${String(parsed.version)}`);
  for (const service of parsed.services) byId.set(service.id, service);
  const data = JSON.parse(bytes.subarray(4 + length).toString('utf8')) as IndexData;
  // In the index's own order: a saved index fits only the very services it was built from, in that order.
  services = data.ids.map((id) => {
    const service = byId.get(id);
    if (!service) throw new Error(`the saved index lists ${id}, which its snapshot lacks`);
    return service;
  });
  if (services.length !== byId.size) throw new Error('the saved index does not list every service of its snapshot');
  index = loadServiceIndex(data, services, { vocabularies: allVocabularies });
  return new Uint8Array(snapshot).buffer;
}

function addRows(batch: string[]): void {
  for (const row of batch) {
    services.push(JSON.parse(row) as Service);
    rows.push(row);
  }
}

/** Every stored service, read on a connection of this thread's own (one: it reads a page at a time). */
async function readRows(location: DbLocation): Promise<void> {
  const db = await openDb({ ...location, poolSize: 1 });
  try {
    for await (const page of serviceRowPages(db)) addRows(page);
  } finally {
    await db.close();
  }
}

async function handle(message: ToDirectoryWorker): Promise<void> {
  switch (message.type) {
    case 'rows':
      addRows(message.rows);
      return;
    case 'read':
      await readRows(message.location);
      send({ type: 'read', size: services.length });
      return;
    case 'build': {
      // Every language's words: a visitor may write in any of them, whatever the widget's language.
      const built = createDirectoryIndex(services, { vocabularies: allVocabularies });
      const form = savedForm(snapshotBytes(message.version, message.generatedAt), built);
      rows = [];
      send({ type: 'built', saved: form, size: services.length }, [form]);
      return;
    }
    case 'saved':
      saved.push(message.bytes);
      return;
    case 'load': {
      const snapshot = restore(message.version);
      send({ type: 'loaded', snapshot, size: services.length }, [snapshot]);
      return;
    }
    case 'search':
      send({ type: 'answer', call: message.call, body: searchDirectory(index!, message.query, new Date(message.now)) });
      return;
    case 'service':
      send({ type: 'answer', call: message.call, body: byId.get(message.id) });
      return;
  }
}

if (background) lowerPriority();
port.on('message', (message: ToDirectoryWorker) => {
  // Only `read` waits (for its database); the API sends nothing else to a builder until it has answered.
  handle(message).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    send({ type: 'failed', call: 'call' in message ? message.call : undefined, reason });
  });
});
