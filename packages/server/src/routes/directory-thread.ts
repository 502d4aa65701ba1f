// The API's side of one directory worker (directory-worker.ts): rows in then a build, or a saved index's bytes in then
// a load, then searches and lookups by id answered from that thread. The API's event loop only passes messages:
// parsing 100k services, indexing them, (de)compressing the saved form and searching all happen in the worker, so no
// request waits behind a re-index.
import { Worker } from 'node:worker_threads';
import type { Service, ServicePage, ServiceSearchParams } from '@referral-kit/sdk';

export type ToDirectoryWorker =
  | { type: 'rows'; rows: string[] }
  /** `save`: also make the saved form (the worker role stores it for the other instances). */
  | { type: 'build'; version: string; generatedAt: string; save: boolean }
  | { type: 'saved'; bytes: Uint8Array }
  | { type: 'load'; version: string }
  | { type: 'search'; call: number; query: ServiceSearchParams; now: number }
  | { type: 'service'; call: number; id: string };

export type FromDirectoryWorker =
  | { type: 'built'; snapshot: ArrayBuffer; size: number; saved?: ArrayBuffer }
  | { type: 'answer'; call: number; body: unknown }
  /** Without `call`: the rows or the build failed, so this thread will never serve. */
  | { type: 'failed'; call?: number; reason: string };

/**
 * The server runs from its TypeScript sources under tsx, whose hooks a worker does not inherit: the worker registers
 * them first, then loads its module.
 */
const WORKER_SOURCE = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./directory-worker.ts', import.meta.url).href)}); })`;

export interface Built {
  snapshot: Uint8Array;
  size: number;
  saved?: Uint8Array;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class DirectoryThread {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly calls = new Map<number, Pending>();
  private nextCall = 0;
  private building: Pending | undefined;
  private retiring = false;
  private ended = false;
  /** Why the thread can no longer answer, once it cannot. */
  private lost: Error | undefined;

  /** @param onLost called when the thread dies on its own (not when retired or terminated). */
  constructor(private readonly onLost: (error: Error) => void = () => {}) {
    this.worker.on('message', (message: FromDirectoryWorker) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the directory worker exited (code ${code})`)));
    this.idle();
  }

  /** Services as stored (JSON text), in any number of batches before `build`. */
  add(rows: string[]): void {
    this.worker.postMessage({ type: 'rows', rows } satisfies ToDirectoryWorker);
  }

  /**
   * Indexes what was added; resolves with the snapshot's bytes (moved here, not copied), the service count and, with
   * `save`, the saved form to store.
   */
  build(version: string, generatedAt: string, save = false): Promise<Built> {
    return this.complete({ type: 'build', version, generatedAt, save });
  }

  /** A piece of a saved index (see `load`), in order. */
  addSaved(bytes: Uint8Array): void {
    this.worker.postMessage({ type: 'saved', bytes } satisfies ToDirectoryWorker);
  }

  /** Restores the saved index whose pieces were added; fails (and never serves) if it is not that version's. */
  load(version: string): Promise<Built> {
    return this.complete({ type: 'load', version });
  }

  search(query: ServiceSearchParams, now: Date): Promise<ServicePage> {
    return this.call((call) => ({ type: 'search', call, query, now: now.getTime() })) as Promise<ServicePage>;
  }

  service(id: string): Promise<Service | undefined> {
    return this.call((call) => ({ type: 'service', call, id })) as Promise<Service | undefined>;
  }

  /** Replaced by a newer version: ends once the requests already asked are answered. */
  retire(): void {
    this.retiring = true;
    if (this.calls.size === 0) void this.terminate();
  }

  async terminate(): Promise<void> {
    this.ended = true;
    this.fail(new Error('the directory worker was stopped'));
    await this.worker.terminate();
  }

  private complete(message: ToDirectoryWorker): Promise<Built> {
    if (this.lost) return Promise.reject(this.lost);
    this.worker.ref();
    return new Promise<unknown>((resolve, reject) => {
      this.building = { resolve, reject };
      this.worker.postMessage(message);
    }).finally(() => this.idle()) as Promise<Built>;
  }

  private call(message: (call: number) => ToDirectoryWorker): Promise<unknown> {
    if (this.lost) return Promise.reject(this.lost);
    const call = this.nextCall++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.calls.set(call, { resolve, reject });
      this.worker.postMessage(message(call));
    });
  }

  private receive(message: FromDirectoryWorker): void {
    if (message.type === 'built') {
      this.building?.resolve({
        snapshot: new Uint8Array(message.snapshot),
        size: message.size,
        saved: message.saved && new Uint8Array(message.saved),
      } satisfies Built);
      this.building = undefined;
      return;
    }
    if (message.type === 'failed' && message.call === undefined) {
      this.ended = true;
      this.fail(new Error(message.reason));
      void this.worker.terminate();
      return;
    }
    const pending = this.calls.get(message.call!);
    this.calls.delete(message.call!);
    if (message.type === 'answer') pending?.resolve(message.body);
    else pending?.reject(new Error(message.reason));
    if (this.retiring && this.calls.size === 0) void this.terminate();
    this.idle();
  }

  /** Rejects everything still waiting: the thread died, failed its build or was stopped. */
  private fail(error: Error): void {
    if (this.lost) return;
    this.lost = error;
    this.building?.reject(error);
    this.building = undefined;
    for (const pending of this.calls.values()) pending.reject(error);
    this.calls.clear();
    if (!this.ended) this.onLost(error);
  }

  /** A thread waiting for nothing does not keep the process alive. */
  private idle(): void {
    if (!this.building && this.calls.size === 0) this.worker.unref();
  }
}
