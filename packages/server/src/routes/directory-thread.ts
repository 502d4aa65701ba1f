// The API's side of one directory worker (directory-worker.ts), in one of two parts. A builder (`background`) takes
// rows, indexes them and hands back the saved form, then ends; it runs below every other thread's priority, so on a
// busy machine a re-index takes the cores the requests leave. A server takes a saved form's bytes, loads it, then
// answers searches and lookups by id until it is replaced. The API's event loop only passes messages: parsing 100k
// services, indexing them, (de)compressing the saved form and searching all happen in the workers, so no request
// waits behind a re-index.
import { Worker } from 'node:worker_threads';
import type { Service, ServicePage, ServiceSearchParams } from '@referral-kit/sdk';
import type { DbLocation } from '../db/types.js';
import { workerSource } from '../thread-source.js';

export type ToDirectoryWorker =
  | { type: 'rows'; rows: string[] }
  /** Read the services from the database itself, on a connection of its own. */
  | { type: 'read'; location: DbLocation }
  | { type: 'build'; version: string; generatedAt: string }
  | { type: 'saved'; bytes: Uint8Array }
  | { type: 'load'; version: string }
  | { type: 'search'; call: number; query: ServiceSearchParams; now: number }
  | { type: 'service'; call: number; id: string };

export type FromDirectoryWorker =
  | { type: 'read'; size: number }
  | { type: 'built'; saved: ArrayBuffer; size: number }
  | { type: 'loaded'; snapshot: ArrayBuffer; size: number }
  | { type: 'answer'; call: number; body: unknown }
  /** Without `call`: the rows or the build failed, so this thread will never serve. */
  | { type: 'failed'; call?: number; reason: string };

const WORKER_SOURCE = workerSource(new URL('./directory-worker.ts', import.meta.url));

/** A builder's result: the saved form (INDEX_ENGINE in db/directory-index-store.ts) and how many services it holds. */
export interface Built {
  saved: Uint8Array;
  size: number;
}

/** A server's loaded version: the snapshot's bytes (moved here, not copied) and how many services it holds. */
export interface Loaded {
  snapshot: Uint8Array;
  size: number;
}

export interface DirectoryThreadOptions {
  /** A builder: runs at the lowest priority (where the system lets one thread lower its own). */
  background?: boolean;
  /** Called when the thread dies on its own (not when retired or terminated). */
  onLost?: (error: Error) => void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class DirectoryThread {
  private readonly worker: Worker;
  private readonly onLost: (error: Error) => void;
  private readonly calls = new Map<number, Pending>();
  private nextCall = 0;
  private building: Pending | undefined;
  private retiring = false;
  private ended = false;
  /** Why the thread can no longer answer, once it cannot. */
  private lost: Error | undefined;

  constructor(options: DirectoryThreadOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { background: options.background ?? false } });
    this.onLost = options.onLost ?? (() => {});
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
   * Instead of `add`: the builder reads every service itself, on a connection of its own, so 100k services' text
   * never passes through (nor is collected on) the API's thread. Resolves with how many it read.
   */
  async read(location: DbLocation): Promise<number> {
    return (await this.complete({ type: 'read', location })).size;
  }

  /** A builder's only task: indexes what was added and resolves with the saved form (moved here, not copied). */
  build(version: string, generatedAt: string): Promise<Built> {
    return this.complete({ type: 'build', version, generatedAt }) as Promise<Built>;
  }

  /** A piece of a saved index (see `load`), in order. */
  addSaved(bytes: Uint8Array): void {
    this.worker.postMessage({ type: 'saved', bytes } satisfies ToDirectoryWorker);
  }

  /** Restores the saved index whose pieces were added; fails (and never serves) if it is not that version's. */
  load(version: string): Promise<Loaded> {
    return this.complete({ type: 'load', version }) as Promise<Loaded>;
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

  private complete(message: ToDirectoryWorker): Promise<Built | Loaded | { size: number }> {
    if (this.lost) return Promise.reject(this.lost);
    this.worker.ref();
    return new Promise<unknown>((resolve, reject) => {
      this.building = { resolve, reject };
      this.worker.postMessage(message);
    }).finally(() => this.idle()) as Promise<Built | Loaded | { size: number }>;
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
    if (message.type === 'read' || message.type === 'built' || message.type === 'loaded') {
      this.building?.resolve(
        message.type === 'read'
          ? { size: message.size }
          : message.type === 'built'
            ? ({ saved: new Uint8Array(message.saved), size: message.size } satisfies Built)
            : ({ snapshot: new Uint8Array(message.snapshot), size: message.size } satisfies Loaded),
      );
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
