// The demo transport: one JSON line per message in a local file, which the demo outbox page reads back.
// It drops a message whose idempotency key it has already written, so a re-sent message after a crash appears once.
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../../clock.js';
import type { OutgoingMessage, Transport } from './types.js';

export interface OutboxFileEntry extends OutgoingMessage {
  at: string;
}

export class FileTransport implements Transport {
  readonly name = 'file';
  private seen = new Set<string>();
  /** File size after our last read or write: if it changed, another process wrote, so re-read the keys. */
  private knownSize = -1;

  constructor(
    readonly file: string,
    private readonly now: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.refreshKeys();
    if (this.seen.has(message.idempotencyKey)) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const entry: OutboxFileEntry = { ...message, at: this.now().toISOString() };
    // Synchronous append: once send() returns, the line is in the file.
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    this.seen.add(message.idempotencyKey);
    this.knownSize = statSync(this.file).size;
  }

  private refreshKeys(): void {
    const size = existsSync(this.file) ? statSync(this.file).size : 0;
    if (size === this.knownSize) return;
    this.seen = new Set(readOutboxFile(this.file).map((e) => e.idempotencyKey));
    this.knownSize = size;
  }
}

/** Every entry in a file transport's log, oldest first; a torn last line (crash mid-write) is skipped. */
export function readOutboxFile(file: string): OutboxFileEntry[] {
  if (!existsSync(file)) return [];
  const entries: OutboxFileEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as OutboxFileEntry);
    } catch {
      // An incomplete line from a crash mid-append: that message was not delivered and will be sent again.
    }
  }
  return entries;
}
