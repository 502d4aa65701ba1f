// The directory as served: the services' search index, lookups by id and the serialized snapshot, one version at a
// time, each in a worker thread (directory-thread.ts) while the previous one keeps answering, then swapped in whole; a
// version that fails to load leaves the previous one in use. The version stamp in the database (changed by an import
// in this process, the CLI or another instance) is checked at most once a second.
// Where a version comes from: the saved index a worker stored for it (directory-publisher.ts; loaded, not rebuilt),
// else a build from the services here, in a builder thread below the requests' priority, whose saved form is then
// loaded the same way. An instance that already answers waits `ownBuildAfterMs` for a worker to
// store a newer version before building it itself; one with nothing yet (a fresh database, or no worker running)
// builds at once, so it is ready as soon as it can be. With `publish` (`npm start`'s single process, which is the
// worker too) every version built here is stored for the other instances.
import type { Service, ServicePage, ServiceSearchParams } from '@referral-kit/sdk';
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';
import { SERVICES_VERSION_KEY, getMeta, serviceRowPages } from '../db/services-store.js';
import { findStoredIndex, readStoredIndex, storeIndex, type StoredIndex } from '../db/directory-index-store.js';
import { JsonText } from '../http/json-text.js';
import type { Logger } from '../logger.js';
import { DirectoryThread, type Built, type Loaded } from './directory-thread.js';

export interface DirectoryState {
  version: string;
  etag: string;
  snapshot: JsonText;
  /** One page of `GET /v1/services`, ranked by the SDK's `searchDirectory` as the mocks and the widgets do. */
  search(query: ServiceSearchParams, now: Date): Promise<ServicePage>;
  service(id: string): Promise<Service | undefined>;
}

export interface DirectoryOptions {
  now: Clock;
  logger?: Logger;
  checkIntervalMs?: number;
  /** How long a version whose load failed is left before it is tried again (default 30 s). */
  retryMs?: number;
  /** Store every version built here for the other instances (the process is the worker too). */
  publish?: boolean;
  /** How long an instance that answers waits for a worker to store a newer version before building it (default 30 s). */
  ownBuildAfterMs?: number;
}

/** The version of a state whose thread died: replaced at the next check, without waiting for a worker. */
const LOST = 'lost';
/** Reads tried when the directory keeps changing while it is being read. */
const READ_ATTEMPTS = 3;

export async function servicesVersion(db: Db): Promise<string> {
  return (await getMeta(db, SERVICES_VERSION_KEY)) ?? 'empty';
}

/**
 * Builds the services' current version's saved form in a builder thread, which reads the rows itself (an in-memory
 * database's are read here and handed to it), and with `store` stores it for the other instances. The version read
 * can be newer than `version` (an import committed meanwhile); it is re-read until the rows and the stamp agree, so
 * a build never mixes two versions.
 * @param options.builder makes the builder thread (a `background` DirectoryThread), ended here whatever happens
 */
export async function buildVersion(
  db: Db,
  version: string,
  options: { builder: () => DirectoryThread; generatedAt: string; store: boolean },
): Promise<{ version: string; built: Built }> {
  for (let attempt = 1; ; attempt++) {
    const thread = options.builder();
    try {
      if (db.location) await thread.read(db.location);
      else
        for await (const rows of serviceRowPages(db)) {
          thread.add(rows);
          // SQLite answers synchronously: let waiting requests in between two reads.
          await new Promise((resolve) => setImmediate(resolve));
        }
      const built = await thread.build(version, options.generatedAt);
      const stamp = await servicesVersion(db);
      if (stamp === version) {
        if (options.store)
          await storeIndex(db, { version, services: built.size, builtAt: options.generatedAt, data: built.saved });
        return { version, built };
      }
      // Changed while read (an import committed in between): the rows are a mix of two versions.
      if (attempt === READ_ATTEMPTS) throw new Error('the directory kept changing while it was read');
      version = stamp;
    } finally {
      void thread.terminate();
    }
  }
}

export class Directory {
  private state: (DirectoryState & { thread: DirectoryThread }) | undefined;
  private checkedAt = -Infinity;
  private checking: Promise<DirectoryState> | undefined;
  /** The version whose load failed last, and when: it is tried again after `retryMs`, not on every check. */
  private failed: { version: string; at: number } | undefined;
  /** A newer version no worker has stored yet, and since when this instance has been waiting for it. */
  private awaited: { version: string; since: number } | undefined;
  /** The thread of the version being loaded, if any (at most one: checks never overlap). */
  private building: DirectoryThread | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: DirectoryOptions,
  ) {}

  /** Whether the first version has been loaded (readiness). */
  get loaded(): boolean {
    return this.state !== undefined;
  }

  /**
   * The directory in use, at once: a newer version found in the database is loaded in the background and answers
   * from when it is complete. Only the very first call waits, for the first load.
   */
  current(): Promise<DirectoryState> {
    if (!this.state) return this.refresh();
    // Elapsed time, not a date: the monotonic clock, so a test's fixed clock cannot stop the check.
    if (!this.closed && performance.now() - this.checkedAt >= (this.options.checkIntervalMs ?? 1000))
      this.refresh().catch(() => {}); // a failed load is logged and the current version stays
    return Promise.resolve(this.state);
  }

  /** Checks the version now; resolves once a newer version is in use (or its load has failed and been logged). */
  refresh(): Promise<DirectoryState> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Stops every directory thread (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.building?.terminate(), this.state?.thread.terminate()]);
  }

  private async check(): Promise<DirectoryState> {
    const version = await servicesVersion(this.db);
    this.checkedAt = performance.now();
    const { state, failed } = this;
    if (state?.version === version) return state;
    if (state && failed?.version === version && performance.now() - failed.at < (this.options.retryMs ?? 30_000))
      return state;
    // A stored index that failed to load is not tried again: this version is built here instead.
    const stored = failed?.version === version ? undefined : await findStoredIndex(this.db, version);
    const mayWait = state && state.version !== LOST && failed?.version !== version && !this.options.publish;
    if (!stored && mayWait && !this.ownBuildDue(version)) return state;
    const started = performance.now();
    try {
      const next = stored ? await this.load(stored) : await this.build(version);
      if (this.closed) {
        void next.thread.terminate();
        throw new Error('the directory was closed while it was loaded');
      }
      const previous = this.state;
      this.state = next;
      this.failed = undefined;
      this.awaited = undefined;
      previous?.thread.retire();
      this.options.logger?.info(
        {
          version: next.version,
          services: next.size,
          ms: Math.round(performance.now() - started),
          from: stored ? 'stored index' : this.options.publish ? 'built and stored here' : 'built here',
        },
        'directory index loaded',
      );
      return next;
    } catch (error) {
      this.failed = { version, at: performance.now() };
      this.options.logger?.error(
        { err: error, version },
        this.state ? 'directory index load failed; the previous version stays in use' : 'directory index load failed',
      );
      if (!this.state) throw error;
      return this.state;
    }
  }

  /** Whether this instance has waited long enough for a worker to store `version`. */
  private ownBuildDue(version: string): boolean {
    if (this.awaited?.version !== version) this.awaited = { version, since: performance.now() };
    return performance.now() - this.awaited.since >= (this.options.ownBuildAfterMs ?? 30_000);
  }

  /** Restores a version from the saved index a worker stored: read in pieces into a new thread, which unpacks it. */
  private load(stored: StoredIndex) {
    return this.serve(stored.version, (thread) => readStoredIndex(this.db, stored, (bytes) => thread.addSaved(bytes)));
  }

  /**
   * Builds a version in a builder thread (stored for the other instances with `publish`), then loads its saved form
   * into a thread that serves it: the serving thread runs at the requests' priority, the build below it.
   */
  private async build(version: string) {
    const { built, ...at } = await buildVersion(this.db, version, {
      builder: () => (this.building = new DirectoryThread({ background: true })),
      generatedAt: this.options.now().toISOString(),
      store: this.options.publish ?? false,
    });
    return this.serve(at.version, async (thread) => thread.addSaved(built.saved));
  }

  /** A new serving thread, given a saved form's pieces by `feed`, then loaded with `version`. */
  private async serve(version: string, feed: (thread: DirectoryThread) => Promise<void>) {
    const thread = new DirectoryThread({ onLost: (error) => this.lost(thread, error) });
    this.building = thread;
    try {
      await feed(thread);
      return this.serving(version, await thread.load(version), thread);
    } catch (error) {
      void thread.terminate();
      throw error;
    } finally {
      this.building = undefined;
    }
  }

  private serving(version: string, loaded: Loaded, thread: DirectoryThread) {
    return {
      version,
      etag: `"${version}"`,
      snapshot: new JsonText(loaded.snapshot),
      size: loaded.size,
      thread,
      search: (query: ServiceSearchParams, now: Date) => thread.search(query, now),
      service: (id: string) => thread.service(id),
    };
  }

  /** A thread that died on its own: the version it served is loaded again at the next check. */
  private lost(thread: DirectoryThread, error: Error): void {
    if (this.state?.thread !== thread) return;
    this.options.logger?.error({ err: error }, 'directory worker stopped; loading the directory again');
    this.state = { ...this.state, version: LOST };
    this.checkedAt = -Infinity;
  }
}
