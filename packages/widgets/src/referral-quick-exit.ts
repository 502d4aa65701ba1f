import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ReferralExitEvent, type ReferralSource } from './events.js';
import { defineElement } from './internal/define.js';
import { LiveRegion } from './internal/live-region.js';
import { ReferralElement } from './internal/referral-element.js';
import { exitHref } from './internal/safe-links.js';
import { baseStyles } from './internal/styles.js';

/** Where quick exit goes when neither `exit-url` nor a fallback link says otherwise: a site nobody notices. */
export const DEFAULT_EXIT_URL = 'https://www.google.com/';
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;
const OVERLAY_ATTRIBUTE = 'data-referral-exit-overlay';

/**
 * "Exit this page", after GOV.UK: a sticky button and a keyboard shortcut (Shift three times within 5 seconds)
 * that clear every referral-kit element, cover the page at once and replace it with a neutral site, leaving no
 * history entry. Put a plain link inside as the fallback for when scripts fail.
 *
 * @summary Quick exit: a sticky button and Shift×3 that leave for a neutral site at once.
 * @fires referral-exit - `ReferralExitEvent` with `trigger` 'button' or 'shortcut'. Every element clears itself.
 * @slot - Not rendered once the element runs; write a light-DOM `<a href>` here as the no-script fallback.
 * @csspart button - The exit button.
 * @csspart hint - The "Or press Shift 3 times" text.
 * @cssprop --referral-quick-exit-color - Button background (default #b3261e).
 * @cssprop --referral-quick-exit-text-color - Button text (default #ffffff).
 * @cssprop --referral-quick-exit-top - Sticky offset from the top of the viewport (default 0).
 * @cssprop --referral-font-family - Font.
 * @attr exit-url - The neutral page to go to: an https: URL, a URL on this page's own origin, or http: on localhost/127.0.0.1/[::1]. Anything else is refused with a console warning. Default: the fallback link's address, else https://www.google.com/.
 * @attr lang - Language. Default: the page's language, else English.
 */
export class ReferralQuickExit extends ReferralElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: sticky;
        inset-block-start: var(--referral-quick-exit-top, 0);
        z-index: 2147483000;
        display: flex;
        justify-content: flex-end;
      }
      .exit {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.125em;
        padding: 0.25em;
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      button {
        background: var(--referral-quick-exit-color, #b3261e);
        border-color: var(--referral-quick-exit-color, #b3261e);
        color: var(--referral-quick-exit-text-color, #ffffff);
        font-size: 1.0625em;
      }
      .hint {
        font-size: 0.8125em;
      }
    `,
  ];

  /**
   * How the page is left. `location.replace` leaves no history entry. Tests (and partners with special needs)
   * may swap it; the clearing and the overlay happen regardless.
   */
  static navigate: (url: string) => void = (url) => location.replace(url);

  /** The neutral page to go to: https:, this page's own origin, or http: on loopback. */
  @property({ attribute: 'exit-url' }) accessor exitUrl = '';

  protected readonly source: ReferralSource = 'quick-exit';
  protected override readonly showsHotlines = false;
  readonly #live = new LiveRegion(this);
  #presses = 0;
  #firstPressAt = 0;
  #expiry: ReturnType<typeof setTimeout> | undefined;

  /** The validated destination: `exit-url`, else the fallback link, else the default. */
  get destination(): string {
    const fallback = this.querySelector('a[href]')?.getAttribute('href');
    for (const candidate of [this.exitUrl, fallback]) {
      const checked = candidate ? exitHref(candidate) : undefined;
      if (checked && 'href' in checked) return checked.href;
    }
    return DEFAULT_EXIT_URL;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Said once per value, when it is set, so a partner sees why exit would go somewhere else.
    const checked = changed.has('exitUrl') && this.exitUrl ? exitHref(this.exitUrl) : undefined;
    if (checked && 'refused' in checked) console.warn(`<referral-quick-exit> exit-url refused: ${checked.refused}`);
  }

  /** Leave now: clear every element, cover the page, replace it with the neutral site. */
  exit(trigger: 'button' | 'shortcut' = 'button'): void {
    const url = this.destination;
    this.dispatchEvent(new ReferralExitEvent(trigger));
    coverPage();
    this.#live.announce(this.t.exit.exiting);
    ReferralQuickExit.navigate(url);
  }

  protected clear(): void {
    this.#resetShift();
    this.#live.clear();
    document.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`).forEach((overlay) => overlay.remove());
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Shift') {
      // Shift as part of a shortcut (Shift+A) or any other key breaks the sequence.
      if (this.#presses > 0) this.#resetShift();
      return;
    }
    if (event.repeat) return;
    // The timer announces expiry; the timestamp decides, so a busy main thread cannot stretch the window.
    if (this.#presses > 0 && event.timeStamp - this.#firstPressAt > SHIFT_WINDOW_MS) this.#resetShift();
    this.#presses++;
    if (this.#presses === 1) {
      this.#firstPressAt = event.timeStamp;
      this.#expiry = setTimeout(() => {
        this.#resetShift();
        this.#live.announce(this.t.exit.expired);
      }, SHIFT_WINDOW_MS);
    }
    if (this.#presses >= SHIFT_PRESSES) {
      this.#resetShift();
      this.exit('shortcut');
    } else {
      this.#live.announce(this.t.exit.pressMore(SHIFT_PRESSES - this.#presses));
    }
  };

  #resetShift(): void {
    clearTimeout(this.#expiry);
    this.#expiry = undefined;
    this.#presses = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKeyDown, true);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKeyDown, true);
    super.disconnectedCallback();
  }

  override render() {
    const t = this.t;
    return html`<div class="exit" dir=${t.dir} lang=${t.lang}>
      <button type="button" part="button" @click=${() => this.exit('button')}>${t.exit.button}</button>
      <span class="hint" part="hint">${t.exit.hint}</span>
      ${this.#live.render()}
    </div>`;
  }
}

/** A plain overlay on the page itself (not in a shadow root), so nothing shows while the next page loads. */
function coverPage(): void {
  const overlay = document.createElement('div');
  overlay.setAttribute(OVERLAY_ATTRIBUTE, '');
  overlay.style.cssText =
    'position:fixed!important;inset:0!important;z-index:2147483647!important;background:#fff!important;display:block!important;opacity:1!important';
  document.body.append(overlay);
}

defineElement('referral-quick-exit', ReferralQuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'referral-quick-exit': ReferralQuickExit;
  }
}
