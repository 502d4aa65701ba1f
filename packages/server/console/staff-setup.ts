import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import type { Role } from '../src/staff/vocabulary.js';
import { CODE_FIELD, ConsolePage, formText } from './page.js';

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
                  ${this.textField({
                    name: 'password',
                    label: t('setup.password'),
                    hint: t('setup.passwordHint'),
                    type: 'password',
                    autocomplete: 'new-password',
                    minlength: 12,
                    maxlength: 256,
                    required: true,
                  })}
                  ${this.textField({ ...CODE_FIELD, label: t('setup.code') })}
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
    const password = formText(data, 'password');
    const code = formText(data, 'code').replace(/\s/g, '');
    await this.run(async () => {
      await this.ctx.api.setupFinish(this.token, password, code);
      this.ctx.navigate('/console/sign-in', { replace: true, notice: 'signIn.ready' });
    });
  }
}

defineElement('staff-setup', StaffSetup);

declare global {
  interface HTMLElementTagNameMap {
    'staff-setup': StaffSetup;
  }
}
