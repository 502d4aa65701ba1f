// The page's side of isolated capture: an iframe from the API's origin (capture-frame.ts) holds the contact field,
// so scripts on the partner page never see what is typed. This side pins the frame's origin and a random channel id,
// forwards the field's texts, asks the frame to send the request and learns only the outcome.
import {
  CAPTURE_PATH,
  CAPTURE_TOKENS,
  channelId,
  onChannel,
  type CaptureField,
  type FrameMessage,
  type PageMessage,
} from './capture-protocol.js';

type Answer<K extends FrameMessage['kind']> = Extract<FrameMessage, { kind: K }>;

/** What the frame answers each request with. */
const ANSWERS = { subscribe: 'accepted', 'request-callback': 'requested' } as const;

export class IsolatedCapture {
  #frame: HTMLIFrameElement | undefined;
  #src = '';
  #origin = '';
  #channel = '';
  #ready = false;
  #pending:
    | { answer: FrameMessage['kind']; resolve: (answer: FrameMessage) => void; reject: (error: unknown) => void }
    | undefined;

  /** @param host - the element the frame sits in, whose theme it takes. */
  constructor(private readonly host: HTMLElement) {}

  /** The frame for this API, field and theme (a new one, with a new channel, when any of them changed). */
  frame(apiBaseUrl: string, field: CaptureField): HTMLIFrameElement {
    const style = getComputedStyle(this.host);
    const query = new URLSearchParams({ parent: location.origin });
    for (const [name, value] of Object.entries(field) as [string, string | undefined][])
      if (value !== undefined) query.set(name, value);
    for (const token of CAPTURE_TOKENS) {
      const value = style.getPropertyValue(`--referral-${token}`).trim();
      if (value) query.set(token, value);
    }
    const src = `${apiBaseUrl.replace(/\/+$/, '')}${CAPTURE_PATH}?${query}`;
    if (!this.#frame || src !== this.#src) {
      this.remove();
      this.#src = src;
      this.#origin = new URL(src).origin;
      this.#channel = channelId();
      this.#frame = Object.assign(document.createElement('iframe'), {
        src: `${src}&channel=${this.#channel}`,
        title: field.label,
      });
      window.addEventListener('message', this.#onMessage);
    }
    return this.#frame;
  }

  /** Moves focus into the frame's field (after an error there). */
  focus(): void {
    this.#frame?.focus();
    this.#post({ kind: 'focus' });
  }

  /**
   * The frame sends what it holds (the contact; for a callback also the name and note) plus `request`: a
   * subscription or a callback request. Resolves with the frame's answer; rejects with the failure as it reports it.
   */
  send<K extends keyof typeof ANSWERS>(
    kind: K,
    request: Extract<PageMessage, { kind: K }>['request'],
    partnerId: string,
    signal: AbortSignal,
  ): Promise<Omit<Answer<(typeof ANSWERS)[K]>, 'kind'>> {
    return new Promise((resolve, reject) => {
      // Not loaded (offline, or the API does not let this origin frame it): shown like an unreachable API.
      if (!this.#ready) {
        reject(Object.assign(new Error(), { name: 'NetworkError' }));
        return;
      }
      this.#pending = { answer: ANSWERS[kind], resolve: resolve as (answer: unknown) => void, reject };
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.#post({ kind, request, partnerId } as PageMessage);
    });
  }

  /** Takes the frame out of the page at once, and with it everything typed into it. */
  remove(): void {
    window.removeEventListener('message', this.#onMessage);
    this.#frame?.remove();
    this.#frame = undefined;
    this.#ready = false;
    this.#pending = undefined;
  }

  #post(message: PageMessage): void {
    this.#frame?.contentWindow?.postMessage({ ...message, channel: this.#channel }, this.#origin);
  }

  readonly #onMessage = (event: MessageEvent) => {
    if (event.origin !== this.#origin || !this.#frame || event.source !== this.#frame.contentWindow) return;
    const message = onChannel(event.data, this.#channel) as FrameMessage | undefined;
    if (message?.kind === 'size') {
      this.#frame.style.blockSize = `${message.height || 0}px`;
      this.#ready = true;
    } else if (message?.kind === 'failed') this.#pending?.reject(Object.assign(new Error(), message.error));
    else if (message && message.kind === this.#pending?.answer) this.#pending.resolve(message);
  };
}
