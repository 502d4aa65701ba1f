import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import type { Role } from '../src/staff/vocabulary.js';
import { ConsolePage } from './page.js';

interface Enrolment {
  email: string;
  role: Role;
  totpSecret: string;
  otpauthUri: string;
}

/**
 * Finishing an account from its one-time setup link: the authenticator secret (as text and as an otpauth: address),
 * then a password and a first code. The shell takes the token from the URL fragment and clears it from the address.
 * @customElement staff-setup
 */
export class StaffSetup extends ConsolePage {
  /** The setup link's token (empty when the page was opened without one). */
  @property({ attribute: false }) accessor token = '';
  @state() private accessor enrolment: Enrolment | null = null;
  @state() private accessor busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#start();
  }

  async #start(): Promise<void> {
    if (!this.token) return;
    try {
      this.enrolment = await this.ctx.api.setupStart(this.token);
    } catch (error) {
      this.failed(error);
    }
  }

  override render() {
    const { t } = this.ctx;
    const e = this.enrolment;
    return html`
      <h1 tabindex="-1">${t('setup.title')}</h1>
      ${this.token ? nothing : html`<p class="notice warning">${t('setup.noToken')}</p>`} ${this.renderError()}
      ${
        e
          ? html`
              <p>${t('setup.for', { email: e.email, role: this.ctx.word(e.role) })}</p>
              <section aria-labelledby="step1">
                <h2 id="step1">${t('setup.step1')}</h2>
                <dl>
                  <dt>${t('setup.secret')}</dt>
                  <dd><code id="secret">${e.totpSecret}</code></dd>
                  <dt>${t('setup.uri')}</dt>
                  <dd><code id="uri">${e.otpauthUri}</code></dd>
                </dl>
              </section>
              <section aria-labelledby="step2">
                <h2 id="step2">${t('setup.step2')}</h2>
                <form novalidate @submit=${this.#submit}>
                  <div class="field">
                    <label for="password"
                      >${t('setup.password')}
                      <span class="hint" id="password-hint">${t('setup.passwordHint')}</span></label
                    >
                    <input
                      id="password"
                      name="password"
                      type="password"
                      autocomplete="new-password"
                      minlength="12"
                      maxlength="256"
                      required
                      aria-invalid=${this.invalid('password')}
                      aria-describedby=${this.describedBy('password', 'password-hint')}
                    />
                    ${this.fieldError('password')}
                  </div>
                  <div class="field">
                    <label for="code">${t('setup.code')}</label>
                    <input
                      id="code"
                      name="code"
                      inputmode="numeric"
                      autocomplete="one-time-code"
                      maxlength="6"
                      required
                      aria-invalid=${this.invalid('code')}
                      aria-describedby=${this.describedBy('code')}
                    />
                    ${this.fieldError('code')}
                  </div>
                  <button class="primary" type="submit" ?disabled=${this.busy}>${t('setup.submit')}</button>
                </form>
              </section>
            `
          : nothing
      }
    `;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const code = String(data.get('code') ?? '').replace(/\s/g, '');
    this.clearErrors();
    this.busy = true;
    try {
      await this.ctx.api.setupFinish(this.token, password, code);
      this.ctx.navigate('/console/sign-in', { replace: true, notice: 'signIn.ready' });
    } catch (error) {
      this.failed(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.busy = false;
    }
  }
}

defineElement('staff-setup', StaffSetup);

declare global {
  interface HTMLElementTagNameMap {
    'staff-setup': StaffSetup;
  }
}
