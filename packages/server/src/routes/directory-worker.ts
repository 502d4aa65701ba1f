// One version of the directory in its own thread (see directory-thread.ts): takes the stored services as JSON rows,
// builds the SDK's search index and the snapshot's bytes away from the API's event loop (seconds at 100k services),
// then answers searches and lookups by id until the next version replaces it.
import { parentPort } from 'node:worker_threads';
import type { Service } from '@referral-kit/sdk';
import { createDirectoryIndex, searchDirectory, type ServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';
import type { FromDirectoryWorker, ToDirectoryWorker } from './directory-thread.js';

const port = parentPort!;
let rows: string[] = [];
const services: Service[] = [];
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

function handle(message: ToDirectoryWorker): void {
  switch (message.type) {
    case 'rows':
      for (const row of message.rows) {
        const service = JSON.parse(row) as Service;
        services.push(service);
        byId.set(service.id, service);
        rows.push(row);
      }
      return;
    case 'build': {
      // Every language's words: a visitor may write in any of them, whatever the widget's language.
      index = createDirectoryIndex(services, { vocabularies: allVocabularies });
      const snapshot = snapshotBytes(message.version, message.generatedAt);
      rows = [];
      send({ type: 'built', snapshot, size: services.length }, [snapshot]);
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

port.on('message', (message: ToDirectoryWorker) => {
  try {
    handle(message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    send({ type: 'failed', call: 'call' in message ? message.call : undefined, reason });
  }
});
