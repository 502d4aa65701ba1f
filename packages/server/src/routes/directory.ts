// The directory as served: the services' search index, lookups by id and the serialized snapshot, one version at a
// time. Each version is built in a worker thread (directory-thread.ts) while the previous one keeps answering, then
// swapped in whole; a build that fails leaves the previous version in use. The version stamp in the database (changed
// by an import in this process, the CLI or another instance) is checked at most once a second.
import type { Service, ServicePage, ServiceSearchParams } from '@referral-kit/sdk';
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';
import { SERVICES_VERSION_KEY, getMeta } from '../db/services-store.js';
import { JsonText } from '../http/json-text.js';
import type { Logger } from '../logger.js';
import { DirectoryThread } from './directory-thread.js';

export interface DirectoryState {
  version: string;
  etag: string;
  snapshot: JsonText;
  /** One page of `GET /v1/services`, ranked by the SDK's `searchDirectory` as the mocks and the widgets do. */
  search(query: ServiceSearchParams, now: Date): Promise<ServicePage>;
  service(id: string): Promise<Service | undefined>;
}

/** Rows read per query: each read is short, and requests are answered between reads. */
const ROWS_PER_READ = 1000;
/** Reads tried when the directory keeps changing while it is being read. */
const READ_ATTEMPTS = 3;

export class Directory {
  private state: (DirectoryState & { thread: DirectoryThread }) | undefined;
  private checkedAt = -Infinity;
  private checking: Promise<DirectoryState> | undefined;
  /** The version whose build failed last, and when: it is tried again after `retryMs`, not on every check. */
  private failed: { version: string; at: number } | undefined;
  /** The thread of the version being built, if any (at most one: checks never overlap). */
  private building: DirectoryThread | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: { checkIntervalMs?: number; retryMs?: number; now: Clock; logger?: Logger },
  ) {}

  /** Whether the first version has been built (readiness). */
  get loaded(): boolean {
    return this.state !== undefined;
  }

  /**
   * The directory in use, at once: a newer version found in the database is built in the background and answers
   * from when it is complete. Only the very first call waits, for the first build.
   */
  current(): Promise<DirectoryState> {
    if (!this.state) return this.refresh();
    // Elapsed time, not a date: the monotonic clock, so a test's fixed clock cannot stop the check.
    if (!this.closed && performance.now() - this.checkedAt >= (this.options.checkIntervalMs ?? 1000))
      this.refresh().catch(() => {}); // a failed build is logged and the current version stays
    return Promise.resolve(this.state);
  }

  /** Checks the version now; resolves once a newer version is in use (or its build has failed and been logged). */
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
    let version = await this.version();
    this.checkedAt = performance.now();
    const { state, failed } = this;
    if (state?.version === version) return state;
    if (state && failed?.version === version && performance.now() - failed.at < (this.options.retryMs ?? 30_000))
      return state;
    const started = performance.now();
    try {
      let next: Awaited<ReturnType<Directory['build']>> | undefined;
      for (let attempt = 1; !next; attempt++) {
        const built = await this.build(version);
        const stamp = await this.version();
        if (stamp === version) next = built;
        else {
          // Changed while read (an import committed in between): the rows are a mix of two versions.
          void built.thread.terminate();
          if (attempt === READ_ATTEMPTS) throw new Error('the directory kept changing while it was read');
          version = stamp;
        }
      }
      if (this.closed) {
        void next.thread.terminate();
        throw new Error('the directory was closed while it was built');
      }
      const previous = this.state;
      this.state = next;
      this.failed = undefined;
      previous?.thread.retire();
      this.options.logger?.info(
        { version, services: next.size, ms: Math.round(performance.now() - started) },
        'directory index loaded',
      );
      return next;
    } catch (error) {
      this.failed = { version, at: performance.now() };
      this.options.logger?.error(
        { err: error, version },
        this.state ? 'directory index build failed; the previous version stays in use' : 'directory index build failed',
      );
      if (!this.state) throw error;
      return this.state;
    }
  }

  private async version(): Promise<string> {
    return (await getMeta(this.db, SERVICES_VERSION_KEY)) ?? 'empty';
  }

  /** Reads the stored services in short pages into a new thread, which indexes them. */
  private async build(version: string) {
    const thread = new DirectoryThread((error) => this.lost(thread, error));
    this.building = thread;
    try {
      let after = '';
      for (;;) {
        const rows = await this.db.query<{ id: string; data: string }>(
          'SELECT id, data FROM services WHERE id > $1 ORDER BY id LIMIT $2',
          [after, ROWS_PER_READ],
        );
        if (rows.length > 0) thread.add(rows.map((r) => r.data));
        if (rows.length < ROWS_PER_READ) break;
        after = rows[rows.length - 1]!.id;
        // SQLite answers synchronously: let waiting requests in between two reads.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const { snapshot, size } = await thread.build(version, this.options.now().toISOString());
      return {
        version,
        etag: `"${version}"`,
        snapshot: new JsonText(snapshot),
        size,
        thread,
        search: (query: ServiceSearchParams, now: Date) => thread.search(query, now),
        service: (id: string) => thread.service(id),
      };
    } catch (error) {
      void thread.terminate();
      throw error;
    } finally {
      this.building = undefined;
    }
  }

  /** A thread that died on its own: the version it served is built again at the next check. */
  private lost(thread: DirectoryThread, error: Error): void {
    if (this.state?.thread !== thread) return;
    this.options.logger?.error({ err: error }, 'directory worker stopped; building the directory again');
    this.state = { ...this.state, version: 'lost' };
    this.checkedAt = -Infinity;
  }
}
