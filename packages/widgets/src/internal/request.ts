// The request lifecycle every element repeats, once: a new request aborts the one before, the element shows itself
// busy while the latest runs, and an aborted or replaced request ends quietly (its answer never lands).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import type { ReferralErrorKind } from '../events.js';
import { isAbort } from './errors.js';

/** How the latest request ended: its value or its error. `undefined`: aborted or replaced, so nothing to show. */
export type Outcome<T> = { value: T } | { error: unknown } | undefined;

export class RequestController implements ReactiveController {
  #current: AbortController | undefined;
  #busy = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** A request is running; the host re-renders when this changes. */
  get busy(): boolean {
    return this.#busy;
  }

  /** A removed element asks nothing more (its clear() also aborts; this holds for any host). */
  hostDisconnected(): void {
    this.abort();
  }

  /** Runs `work` with a signal that a newer request or `abort()` aborts. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
    this.#current?.abort();
    const controller = (this.#current = new AbortController());
    this.#setBusy(true);
    try {
      const value = await work(controller.signal);
      return controller === this.#current ? { value } : undefined;
    } catch (error) {
      return controller === this.#current && !isAbort(error) && !controller.signal.aborted ? { error } : undefined;
    } finally {
      if (controller === this.#current) {
        this.#current = undefined;
        this.#setBusy(false);
      }
    }
  }

  /** Aborts the running request, if any (quick exit, reset, a newer query that has nothing to ask). */
  abort(): void {
    this.#current?.abort();
    this.#current = undefined;
    this.#setBusy(false);
  }

  #setBusy(busy: boolean): void {
    if (this.#busy === busy) return;
    this.#busy = busy;
    this.host.requestUpdate();
  }
}

/** What a form element tells its submissions. */
export interface FormHooks {
  /** The configured API, if any. */
  client(): ReferralClient | undefined;
  /** Shows a failure (and reports it), or none with `undefined`. */
  showFailure(error: unknown, kind?: ReferralErrorKind): void;
  hideFailure(): void;
  /** Puts an error about fields next to them; false when it is about no field. */
  fieldErrors(error: unknown): boolean;
}

/** A form's submissions: a request at a time, field errors beside their fields, any other failure retryable. */
export class FormSubmission extends RequestController {
  #retry: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly hooks: FormHooks,
  ) {
    super(host);
  }

  /** Sends one submission; `retry` repeats it from the failure panel. Resolves to its answer, or undefined. */
  async submit<T>(work: (client: ReferralClient, signal: AbortSignal) => Promise<T>, retry: () => void): Promise<T | undefined> {
    const client = this.hooks.client();
    if (!client) {
      this.hooks.showFailure(undefined, 'config');
      return undefined;
    }
    this.hooks.hideFailure();
    const outcome = await this.run((signal) => work(client, signal));
    if (!outcome) return undefined;
    if ('error' in outcome) {
      if (!this.hooks.fieldErrors(outcome.error)) {
        this.#retry = retry;
        this.hooks.showFailure(outcome.error);
      }
      return undefined;
    }
    this.#retry = undefined;
    return outcome.value;
  }

  /** Repeats the submission that failed (it holds the submitted form, and so the contact, until then). */
  get retry(): (() => void) | undefined {
    return this.#retry;
  }

  override abort(): void {
    super.abort();
    this.#retry = undefined;
  }
}
