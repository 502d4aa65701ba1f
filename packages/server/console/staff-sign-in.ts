import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import { ApiError } from './api.js';
import type { MessageKey } from './i18n.js';
import { CODE_FIELD, ConsolePage, formText } from './page.js';

/** What the server's SSO callback says in `?sso=` when it sends the browser back here. */
const SSO_OUTCOMES: Record<string, MessageKey> = { failed: 'signIn.ssoFailed', unavailable: 'signIn.ssoUnavailable' };

/**
 * Sign-in: email, password and the authenticator's 6-digit code. Every failure reads the same (the API does not
 * say which part was wrong, and neither does the page). When the server has single sign-on, a link to it first.
 * @customElement staff-sign-in
 */
export class StaffSignIn extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      a.sso {
        display: inline-block;
        padding: 0.625em 1em;
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        font-weight: 600;
        text-decoration: none;
      }
    `,
  ];
  /** Why the person is here (session ended, signed out, account ready), shown above the form. */
  @property({ attribute: false }) accessor notice: MessageKey | null = null;
  /** The SSO start URL; null while unknown or when SSO is not set up. */
  @state() private accessor ssoStart: string | null = null;

  override firstUpdated(): void {
    const outcome = SSO_OUTCOMES[new URLSearchParams(location.search).get('sso') ?? ''];
    if (outcome) {
      history.replaceState(null, '', location.pathname);
      this.error = this.ctx.t(outcome);
      this.ctx.announce(this.error);
    }
    void this.ctx.api.ssoStart().then((start) => (this.ssoStart = start));
  }

  override render() {
    const { t } = this.ctx;
    return html`
      <h1 tabindex="-1">${t('signIn.title')}</h1>
      ${this.notice ? html`<p class="notice">${t(this.notice)}</p>` : nothing} ${this.renderError()}
      ${
        this.ssoStart
          ? html`<p><a class="sso" href=${this.#ssoHref(this.ssoStart)}>${t('signIn.sso')}</a></p>
              <p>${t('signIn.orPassword')}</p>`
          : nothing
      }
      <form novalidate @submit=${this.#submit}>
        ${this.textField({ name: 'email', label: t('signIn.email'), type: 'email', autocomplete: 'username', required: true })}
        ${this.textField({
          name: 'password',
          label: t('signIn.password'),
          type: 'password',
          autocomplete: 'current-password',
          required: true,
        })}
        ${this.textField({ ...CODE_FIELD, label: t('signIn.code'), hint: t('signIn.codeHint') })}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('signIn.submit')}</button>
      </form>
    `;
  }

  /** The SSO start, asked to come back to the page the person wanted. */
  #ssoHref(start: string): string {
    return this.ctx.returnTo ? `${start}?return=${encodeURIComponent(this.ctx.returnTo)}` : start;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t } = this.ctx;
    const data = new FormData(event.target as HTMLFormElement);
    const email = formText(data, 'email').trim();
    const password = formText(data, 'password');
    const code = formText(data, 'code').replace(/\s/g, '');
    this.clearErrors();
    const missing: Record<string, string> = {};
    if (!email) missing.email = t('error.required');
    if (!password) missing.password = t('error.required');
    if (!/^\d{6}$/.test(code)) missing.code = t('error.code');
    if (Object.keys(missing).length) {
      this.fieldErrors = missing;
      this.error = t('error.fields');
      this.ctx.announce(this.error);
      await this.focusInvalid();
      return;
    }
    await this.run(async () => {
      try {
        this.ctx.signedIn(await this.ctx.api.signIn(email, password, code));
      } catch (error) {
        // Every wrong part reads the same; the API does not say which one, and neither does the page.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        this.error = t('signIn.failed');
        this.ctx.announce(this.error);
      }
    });
  }
}

defineElement('staff-sign-in', StaffSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'staff-sign-in': StaffSignIn;
  }
}
