// The worker role's side of the directory: whenever the services' version changes, it builds that version's search
// index in a worker thread (off every request path) and stores the saved form in the database, where each API
// instance finds it at its next check (directory.ts) and loads it instead of indexing the services itself. With
// several workers, the one that claims a version builds it; the others find it stored at a later check.
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';
import { claimBuild, findStoredIndex, releaseBuild } from '../db/directory-index-store.js';
import type { Logger } from '../logger.js';
import { buildVersion, servicesVersion } from './directory.js';
import { DirectoryThread } from './directory-thread.js';

export interface DirectoryPublisherOptions {
  now: Clock;
  logger?: Logger;
  /** How often the services' version is compared with the stored indexes (default 2 s). */
  checkIntervalMs?: number;
  /** How long a version whose build failed is left before it is tried again (default 30 s). */
  retryMs?: number;
}

export class DirectoryPublisher {
  /** The version known to be stored (by this worker or another). */
  private published: string | undefined;
  private failed: { version: string; at: number } | undefined;
  private publishing: Promise<string | undefined> | undefined;
  private thread: DirectoryThread | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly options: DirectoryPublisherOptions,
  ) {}

  /** Checks at once, then every `checkIntervalMs` until `stop`. */
  start(): void {
    const tick = () => {
      this.publish()
        .catch(() => {}) // logged; tried again at a later tick
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.checkIntervalMs ?? 2000).unref();
        });
    };
    tick();
  }

  /** Stores the current version's index unless it is stored already; resolves with the version stored, if any. */
  publish(): Promise<string | undefined> {
    this.publishing ??= this.check().finally(() => (this.publishing = undefined));
    return this.publishing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.thread?.terminate();
    await this.publishing?.catch(() => {});
  }

  private async check(): Promise<string | undefined> {
    const version = await servicesVersion(this.db);
    if (this.published === version) return version;
    const { failed } = this;
    if (failed?.version === version && performance.now() - failed.at < (this.options.retryMs ?? 30_000))
      return this.published;
    if (await findStoredIndex(this.db, version)) return (this.published = version);
    const claim = await claimBuild(this.db, version, this.options.now());
    if (claim === undefined) return this.published; // another worker is building it
    const started = performance.now();
    try {
      const { built, ...at } = await buildVersion(this.db, version, {
        builder: () => (this.thread = new DirectoryThread({ background: true })),
        generatedAt: this.options.now().toISOString(),
        store: true,
      });
      this.published = at.version;
      this.failed = undefined;
      this.options.logger?.info(
        {
          version: at.version,
          services: built.size,
          bytes: built.saved.byteLength,
          ms: Math.round(performance.now() - started),
        },
        'directory index stored',
      );
      return at.version;
    } catch (error) {
      if (this.stopped) return this.published;
      this.failed = { version, at: performance.now() };
      this.options.logger?.error({ err: error, version }, 'directory index build failed');
      throw error;
    } finally {
      this.thread = undefined;
      await releaseBuild(this.db, claim).catch(() => {}); // else it lapses after BUILD_CLAIM_MS
    }
  }
}
