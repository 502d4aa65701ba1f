// What the API can send messages in, per channel (GET /v1/alerts/options, /v1/callbacks/options): the signup and
// callback forms offer only those languages, the visitor's own chosen when the channel has it.
import { matchLanguage } from '@referral-kit/sdk';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { languageName } from './format.js';

interface ChannelLanguages<C extends string> {
  channels: readonly { channel: C; languages: readonly string[] }[];
}

export class DeliverableLanguages<C extends string> implements ReactiveController {
  /** Languages per channel; undefined until the API has said (and, offline or without the route, for good). */
  byChannel: Partial<Record<C, readonly string[]>> | undefined = undefined;
  #request: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fetchOptions: (signal: AbortSignal) => Promise<ChannelLanguages<C>> | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.#load();
  }

  hostDisconnected(): void {
    this.abort();
  }

  abort(): void {
    this.#request?.abort();
  }

  async #load(): Promise<void> {
    await this.host.updateComplete;
    if (!this.host.isConnected) return;
    this.abort();
    const request = (this.#request = new AbortController());
    try {
      const options = await this.fetchOptions(request.signal);
      if (!options) return;
      this.byChannel = Object.fromEntries(
        options.channels.map((c) => [c.channel, c.languages]),
      ) as typeof this.byChannel;
      this.host.requestUpdate();
    } catch {
      // Offline, or a server without the route: English, which every server sends.
    }
  }

  /** `<option>`s for the channel's languages, each in its own name; `lang` picks one (else English). */
  options(channel: C, lang: string) {
    const offered = this.byChannel?.[channel] ?? ['en'];
    const chosen = matchLanguage(lang, offered) ?? matchLanguage('en', offered);
    return offered.map((l) => html`<option value=${l} ?selected=${l === chosen}>${languageName(l, l)}</option>`);
  }
}
