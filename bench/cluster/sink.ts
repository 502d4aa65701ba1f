// The SMS gateway the cluster bench's workers deliver to: it checks each request's signature, logs every arrival
// (idempotency key, recipient, kind, whether the key was new) to a JSON-lines transport log, and, as the webhook
// contract asks of a real gateway, drops a repeated Idempotency-Key (answers 200, delivers nothing). Confirmation
// codes are handed to whoever waits for them, as a phone would show them to the visitor.
import { createServer, type Server } from 'node:http';
import { createWriteStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from '../../packages/server/src/notify/signature.js';

export interface SinkEntry {
  /** Milliseconds since the bench started. */
  at: number;
  key: string;
  to: string;
  kind: string;
  /** The body's text, so a repeat can be compared with the first arrival. */
  text: string;
  /** False for a repeated key: dropped, not delivered. */
  delivered: boolean;
}

export interface Sink {
  url: string;
  /** Every arrival, in order (also in the log file). */
  entries: SinkEntry[];
  /** Requests refused for a bad signature or body. */
  refused: number;
  /** Resolves with the 6-digit code once the confirmation message for `confirmationId` has been delivered. */
  code(confirmationId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSink(logFile: string, secret: string, startedAt: number): Promise<Sink> {
  const log = createWriteStream(logFile);
  const entries: SinkEntry[] = [];
  const seen = new Set<string>();
  const codes = new Map<string, string>();
  const waiting = new Map<string, (code: string) => void>();
  let refused = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const key = req.headers['idempotency-key'];
      const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
      let body: { id?: string; to?: string; kind?: string; text?: string };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        body = {};
      }
      const signed = verifySignature(secret, typeof signature === 'string' ? signature : undefined, raw, now());
      if (!signed || typeof key !== 'string' || body.id !== key || !body.to || !body.text) {
        refused++;
        res.writeHead(400).end();
        return;
      }
      const delivered = !seen.has(key);
      seen.add(key);
      const entry: SinkEntry = {
        at: Date.now() - startedAt,
        key,
        to: body.to,
        kind: body.kind ?? '',
        text: body.text,
        delivered,
      };
      entries.push(entry);
      log.write(`${JSON.stringify(entry)}\n`);
      if (delivered && body.kind === 'confirmation') received(key, body.text);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });

  /** Outbox ids of confirmation messages are `confirm:<confirmationId>/<subscriptionId>`; the code leads the text. */
  function received(key: string, text: string): void {
    const confirmationId = key.slice('confirm:'.length, key.lastIndexOf('/'));
    const code = /(?<![\w-])(\d{6})(?![\w-])/.exec(text)?.[1];
    if (!code) return;
    codes.set(confirmationId, code);
    waiting.get(confirmationId)?.(code);
    waiting.delete(confirmationId);
  }

  // A signature checked with our own clock: the workers sign with theirs, on the same machine.
  const now = () => Math.floor(Date.now() / 1000);
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    entries,
    get refused() {
      return refused;
    },
    code(confirmationId) {
      const known = codes.get(confirmationId);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => waiting.set(confirmationId, resolve));
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => log.end(resolve));
    },
  };
}
