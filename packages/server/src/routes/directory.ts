// The directory held in memory: services by id, the search index and the serialized snapshot. Rebuilt when the
// version stamp in the database changes (an import in this process or in the CLI), checked at most once a second.
import type { Clock } from '../clock.js';
import type { Service } from '@referral-kit/sdk';
import type { Db } from '../db/types.js';
import { SERVICES_VERSION_KEY, getMeta, loadServices } from '../db/services-store.js';
import { JsonText } from '../http/json-text.js';
import { createDirectoryIndex, type ServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';

export interface DirectoryState {
  version: string;
  etag: string;
  byId: ReadonlyMap<string, Service>;
  snapshot: JsonText;
  /** Searched with `searchDirectory`, as the mocks and the widgets' in-page search do. */
  index: ServiceIndex;
}

export class Directory {
  private state: DirectoryState | undefined;
  private checkedAt = 0;
  private pending: Promise<DirectoryState> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: { checkIntervalMs?: number; now: Clock },
  ) {}

  /** Whether the first load has finished (readiness). */
  get loaded(): boolean {
    return this.state !== undefined;
  }

  /** The current directory; reloads first when another process changed it. */
  current(): Promise<DirectoryState> {
    const interval = this.options.checkIntervalMs ?? 1000;
    // Elapsed time, not a date: the monotonic clock, so a test's fixed clock cannot stop the check.
    if (this.state && performance.now() - this.checkedAt < interval) return Promise.resolve(this.state);
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async refresh(): Promise<DirectoryState> {
    const version = (await getMeta(this.db, SERVICES_VERSION_KEY)) ?? 'empty';
    this.checkedAt = performance.now();
    if (this.state?.version === version) return this.state;
    const services = await loadServices(this.db);
    const generatedAt = this.options.now().toISOString();
    this.state = {
      version,
      etag: `"${version}"`,
      byId: new Map(services.map((s) => [s.id, s])),
      snapshot: new JsonText(JSON.stringify({ version, generatedAt, services })),
      // Every language's words: a visitor may write in any of them, whatever the widget's language.
      index: createDirectoryIndex(services, { vocabularies: allVocabularies }),
    };
    return this.state;
  }
}
