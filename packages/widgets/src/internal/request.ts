// The request lifecycle every element repeats, once: a new request aborts the one before, the element shows itself
// busy while the latest runs, an aborted or replaced request ends quietly (its answer never lands), and any other
// failure is reported and shown in the failure panel with the hotlines and a retry.
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import type { ReferralErrorKind } from '../events.js';
import type { Catalog } from '../i18n/index.js';
import { isAbort } from './errors.js';
import type { HotlineEntry } from './hotlines.js';
import { failurePanel } from './views.js';

/** Announces a failure (as `referral-error`) and names its kind: the element's `reportError`. */
export type Reporter = (error: unknown, kind?: ReferralErrorKind) => ReferralErrorKind;

export class RequestController implements ReactiveController {
  #current: AbortController | undefined;
  #busy = false;
  #failure: ReferralErrorKind | undefined;
  #retry: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ReferralClient | undefined,
    private readonly report: Reporter,
    /** Puts an error about fields beside them and says true (forms); such an error gets no failure panel. */
    private readonly fieldErrors: (error: unknown) => boolean = () => false,
  ) {
    host.addController(this);
  }

  /** A request is running; the host re-renders when this changes. */
  get busy(): boolean {
    return this.#busy;
  }

  /** The last request failed (the panel says how). */
  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /** A removed element asks nothing more (its clear() also aborts; this holds for any host). */
  hostDisconnected(): void {
    this.abort();
  }

  /**
   * Runs `work` with the API and a signal that a newer request or `abort()` aborts; `retry` repeats it from the
   * failure panel. Resolves to its answer; undefined when it failed, was aborted or was replaced.
   */
  async run<T>(
    work: (client: ReferralClient, signal: AbortSignal) => Promise<T>,
    retry: () => void,
  ): Promise<T | undefined> {
    const client = this.client();
    this.abort();
    if (!client) {
      this.#fail(this.report(undefined, 'config'));
      return undefined;
    }
    const controller = (this.#current = new AbortController());
    this.#setBusy(true);
    try {
      const value = await work(client, controller.signal);
      if (controller === this.#current) this.#retry = undefined;
      return controller === this.#current ? value : undefined;
    } catch (error) {
      if (controller === this.#current && !isAbort(error) && !controller.signal.aborted && !this.fieldErrors(error)) {
        this.#retry = retry;
        this.#fail(this.report(error));
      }
      return undefined;
    } finally {
      if (controller === this.#current) {
        this.#current = undefined;
        this.#setBusy(false);
      }
    }
  }

  /** The failure panel (what went wrong, the hotlines, a retry) when the last request failed; else nothing. */
  panel(t: Catalog, hotlines: readonly HotlineEntry[]): TemplateResult | typeof nothing {
    return this.#failure ? failurePanel(t, this.#failure, hotlines, this.#retry) : nothing;
  }

  /** Aborts the running request and forgets its failure and retry (which holds what was submitted: a contact). */
  abort(): void {
    this.#current?.abort();
    this.#current = this.#failure = this.#retry = undefined;
    this.#setBusy(false);
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    this.host.requestUpdate();
  }

  #fail(kind: ReferralErrorKind | undefined): void {
    this.#failure = kind;
    this.host.requestUpdate();
  }
}
