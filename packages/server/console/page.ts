// What every console page shares: the context the shell hands down, the design system's styles, errors from the
// API turned into a message and field errors, and links that move within the console without a reload.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from '../../widgets/src/internal/styles.js';
import { ApiError, type ConsoleApi, type Session, type Staff } from './api.js';
import type { MessageKey, Translator } from './i18n.js';

export interface ConsoleContext extends Translator {
  api: ConsoleApi;
  /** Who is signed in (null on the sign-in and setup pages). */
  staff: Staff | null;
  /** Goes to a console path (a history entry; paths never carry personal data), with a notice for the next page. */
  navigate(path: string, options?: { replace?: boolean; notice?: MessageKey }): void;
  /** Says something in the console's live region (results, confirmations, errors). */
  announce(message: string): void;
  signedIn(session: Session): void;
  /** The page the person asked for before being sent to sign in, if any (single sign-on carries it there and back). */
  returnTo: string | null;
}

/** The console's own rules on top of the widgets' shared styles (same tokens, same controls). */
export const consoleStyles = css`
  :host {
    background: transparent;
  }
  h1 {
    font-size: 1.625em;
    line-height: 1.2;
    margin: 0 0 var(--_space);
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--_focus);
  }
  section {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  form {
    max-inline-size: 32rem;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    margin-block-end: var(--_space);
  }
  caption {
    text-align: start;
    font-weight: 600;
    margin-block-end: 0.5em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.625em;
    border-block-end: 1px solid var(--_border);
  }
  a {
    color: var(--_primary);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  code {
    overflow-wrap: anywhere;
    font-size: 1.0625em;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .urgent {
    color: var(--_danger);
  }
`;

export interface TextField {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  inputmode?: 'numeric';
  minlength?: number;
  maxlength?: number;
  required?: boolean;
  value?: string;
}

/** The authenticator's 6-digit code, as sign-in and account setup ask for it. */
export const CODE_FIELD = {
  name: 'code',
  inputmode: 'numeric',
  autocomplete: 'one-time-code',
  maxlength: 6,
  required: true,
} as const satisfies Omit<TextField, 'label'>;

export abstract class ConsolePage extends LitElement {
  static override styles = [baseStyles, consoleStyles];

  @property({ attribute: false }) accessor ctx!: ConsoleContext;
  /** A message about the last failed action, shown above the form. */
  @state() protected accessor error = '';
  /** Field errors by body field name. */
  @state() protected accessor fieldErrors: Record<string, string> = {};
  /** True while an action runs: its buttons are disabled meanwhile. */
  @state() protected accessor busy = false;

  /** Focus lands here when the page opens (keyboard and screen-reader users start at the heading). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected clearErrors(): void {
    this.error = '';
    this.fieldErrors = {};
  }

  /** Shows and announces what went wrong; the API writes field messages in English, so other languages say it generically. */
  protected failed(error: unknown, fallback: MessageKey = 'error.generic'): void {
    const { t } = this.ctx;
    if (!(error instanceof ApiError)) throw error;
    // A 401 means the session ended: the shell already went to the sign-in page and said so.
    if (error.status === 401) return;
    const byCode: Partial<Record<string, MessageKey>> = {
      network: 'error.network',
      forbidden: 'error.forbidden',
      not_found: 'error.not_found',
      conflict: 'error.conflict',
      rate_limited: 'error.rate_limited',
      invalid_token: 'error.invalid_token',
      invalid_code: 'error.invalid_code',
    };
    this.fieldErrors = Object.fromEntries(
      error.fields.map((f) => [
        f.path.split(/[.[]/)[0]!,
        error.code === 'invalid_code'
          ? t('error.invalid_code')
          : this.ctx.lang === 'en'
            ? f.message
            : t('error.fields'),
      ]),
    );
    const key = byCode[error.code] ?? (error.fields.length ? 'error.fields' : fallback);
    this.error = t(key);
    this.ctx.announce(this.error);
  }

  /**
   * Runs an action: errors cleared first, buttons disabled meanwhile; a failure is shown and announced, and focus
   * moves to the first field it names.
   */
  protected async run(work: () => Promise<void>): Promise<void> {
    this.clearErrors();
    this.busy = true;
    try {
      await work();
    } catch (error) {
      this.failed(error);
      await this.focusInvalid();
    } finally {
      this.busy = false;
    }
  }

  /** Moves focus to the first field with an error, once it is shown. */
  protected async focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.error ? html`<p class="error notice warning" id="form-error">${this.error}</p>` : nothing;
  }

  /** An input's error text (by id `<name>-error`), and the attributes that tie it to the input. */
  protected fieldError(name: string): TemplateResult | typeof nothing {
    const message = this.fieldErrors[name];
    return message ? html`<span class="error" id="${name}-error">${message}</span>` : nothing;
  }

  protected invalid(name: string): 'true' | typeof nothing {
    return this.fieldErrors[name] ? 'true' : nothing;
  }

  protected describedBy(name: string, hint?: string): string | typeof nothing {
    const ids = [hint, this.fieldErrors[name] ? `${name}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** A labelled text input (id and name `name`) with its hint and its error tied to it. */
  protected textField(field: TextField): TemplateResult {
    const hint = field.hint ? `${field.name}-hint` : undefined;
    return html`<div class="field">
      <label for=${field.name}
        >${field.label} ${field.hint ? html`<span class="hint" id=${hint}>${field.hint}</span>` : nothing}</label
      >
      <input
        id=${field.name}
        name=${field.name}
        type=${field.type ?? 'text'}
        autocomplete=${field.autocomplete ?? nothing}
        inputmode=${field.inputmode ?? nothing}
        minlength=${field.minlength ?? nothing}
        maxlength=${field.maxlength ?? nothing}
        ?required=${field.required ?? false}
        .value=${field.value ?? ''}
        aria-invalid=${this.invalid(field.name)}
        aria-describedby=${this.describedBy(field.name, hint)}
      />
      ${this.fieldError(field.name)}
    </div>`;
  }

  /** A labelled select posting `name` (its id `id`, by default the name), with its error tied to it. */
  protected selectField(field: { name: string; id?: string; label: string }, options: unknown): TemplateResult {
    const id = field.id ?? field.name;
    return html`<div class="field">
      <label for=${id}>${field.label}</label>
      <select
        id=${id}
        name=${field.name}
        aria-invalid=${this.invalid(field.name)}
        aria-describedby=${this.describedBy(field.name)}
      >
        ${options}
      </select>
      ${this.fieldError(field.name)}
    </div>`;
  }

  /** A table's caption and column headings. */
  protected tableHead(caption: string, columns: readonly MessageKey[]): TemplateResult {
    return html`<caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col">${this.ctx.t(column)}</th>`)}
        </tr>
      </thead>`;
  }

  /** A table with a row per item: `cells` gives the item's cells, the first of which heads its row. */
  protected rowTable<T>(
    caption: string,
    columns: readonly MessageKey[],
    items: readonly T[],
    cells: (item: T) => readonly unknown[],
  ): TemplateResult {
    const row = ([head, ...rest]: readonly unknown[]) =>
      html`<tr>
        <th scope="row">${head}</th>
        ${rest.map((cell) => html`<td>${cell}</td>`)}
      </tr>`;
    return html`<table>
      ${this.tableHead(caption, columns)}
      <tbody>
        ${items.map((item) => row(cells(item)))}
      </tbody>
    </table>`;
  }

  protected follow = (event: MouseEvent): void => followLink(event, this.ctx);
}

/** A text field's value as the form posts it ('' when the form has no such field; the console's forms post no files). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** Follows a console link in place; modified clicks (new tab, new window) keep the browser's default. */
export function followLink(event: MouseEvent, ctx: ConsoleContext): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  ctx.navigate(new URL((event.currentTarget as HTMLAnchorElement).href).pathname);
}
