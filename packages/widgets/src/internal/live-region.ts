// A polite live region inside the shadow root. Setting the same text twice still announces it: the text is
// cleared first and set on the next frame, which screen readers treat as a change.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class LiveRegion implements ReactiveController {
  #message = '';
  #frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get message(): string {
    return this.#message;
  }

  announce(message: string): void {
    cancelAnimationFrame(this.#frame);
    this.#message = '';
    this.host.requestUpdate();
    this.#frame = requestAnimationFrame(() => {
      this.#message = message;
      this.host.requestUpdate();
    });
  }

  clear(): void {
    cancelAnimationFrame(this.#frame);
    this.#message = '';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
  }

  render(): TemplateResult {
    return html`<p class="visually-hidden" role="status" aria-live="polite">${this.#message}</p>`;
  }
}
