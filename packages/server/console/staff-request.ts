import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CALLBACK_CHANNELS } from '@referral-kit/sdk';
import { defineElement } from '../../widgets/src/internal/define.js';
import { OUTCOMES, type Outcome } from '../src/staff/vocabulary.js';
import type { RequestDetail, TeamMember } from './api.js';
import type { MessageKey } from './i18n.js';
import { ConsolePage, formText } from './page.js';

/**
 * One request: its contact and what the visitor chose, the attempts, and the actions the status allows (take it,
 * assign it to a member of the team — supervisors and admins —, record an attempt, close it). Fetched once when the
 * page opens: every fetch is a `request-viewed` audit entry, and each action's answer carries the updated request,
 * so nothing is fetched again.
 * @customElement staff-request
 */
export class StaffRequest extends ConsolePage {
  @property({ attribute: false }) accessor requestId = '';
  @state() private accessor detail: RequestDetail | null = null;
  /** The request's team, for a supervisor or admin to assign within (null: not theirs to assign, or not loaded). */
  @state() private accessor team: TeamMember[] | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.detail = await this.ctx.api.request(this.requestId);
      await this.#loadTeam();
    } catch (error) {
      this.failed(error);
    }
  }

  async #loadTeam(): Promise<void> {
    const role = this.ctx.staff?.role;
    const teamId = this.detail?.request.teamId;
    if ((role === 'supervisor' || role === 'admin') && teamId) this.team = (await this.ctx.api.teamStaff(teamId)).staff;
  }

  /** Runs an action; its answer replaces the request, and the message (or the error) is announced. */
  #act(work: () => Promise<RequestDetail>, done: MessageKey, form?: HTMLFormElement): Promise<void> {
    return this.run(async () => {
      this.detail = await work();
      form?.reset();
      this.ctx.announce(this.ctx.t(done));
    });
  }

  /** An action's form in its own titled section; `act` gets what was submitted. */
  #actionForm(
    action: 'assign' | 'attempt' | 'close',
    act: (data: FormData, form: HTMLFormElement) => void,
    fields: TemplateResult,
    primary = false,
  ) {
    const { t } = this.ctx;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      act(new FormData(form), form);
    };
    return html`
      <section aria-labelledby="${action}-title">
        <h2 id="${action}-title">${t(`${action}.title`)}</h2>
        <form novalidate @submit=${submit}>
          ${fields}
          <button class=${primary ? 'primary' : nothing} type="submit" ?disabled=${this.busy}>
            ${t(`${action}.submit`)}
          </button>
        </form>
      </section>
    `;
  }

  override render() {
    const { t } = this.ctx;
    const r = this.detail?.request;
    // One heading element whatever the state, so the focus the shell put on it stays when the request arrives.
    return html`
      <p><a href="/console" @click=${this.follow}>${t('request.back')}</a></p>
      <h1 tabindex="-1">${r ? t('request.title', { reference: r.reference }) : t('request.heading')}</h1>
      ${this.renderError()} ${r ? this.#body() : this.error ? nothing : html`<p>${t('loading')}</p>`}
    `;
  }

  #body() {
    const { t } = this.ctx;
    const r = this.detail!.request;
    const open = r.status === 'assigned' || r.status === 'contacted';
    return html`
      ${this.#details()} ${this.#attempts()}
      ${
        r.status === 'new' && r.assignedTo === null
          ? html`<div class="actions">
              <button
                class="primary"
                ?disabled=${this.busy}
                @click=${() => this.#act(() => this.ctx.api.assign(r.id), 'request.taken')}
              >
                ${t('request.take')}
              </button>
            </div>`
          : nothing
      }
      ${this.team && (open || r.status === 'new') ? this.#assignForm(this.team) : nothing}
      ${open ? html`${this.#attemptForm()} ${this.#closeForm()}` : nothing}
    `;
  }

  /** Who holds the request: by name when the team is loaded, else me / someone else / nobody. */
  #assignee(id: string | null): string {
    const { t } = this.ctx;
    if (id === null) return t('assigned.nobody');
    return this.team?.find((m) => m.id === id)?.name ?? t(id === this.ctx.staff?.id ? 'assigned.me' : 'assigned.other');
  }

  #assignForm(team: TeamMember[]) {
    const { t, word } = this.ctx;
    const r = this.detail!.request;
    const assign = (data: FormData) => {
      const staffId = formText(data, 'staffId');
      void this.#act(async () => {
        const detail = await this.ctx.api.assign(r.id, staffId);
        await this.#loadTeam();
        return detail;
      }, 'assign.done');
    };
    return this.#actionForm(
      'assign',
      assign,
      this.selectField(
        { id: 'assignee', name: 'staffId', label: t('assign.staff') },
        team.map(
          (m) =>
            html`<option value=${m.id} ?selected=${m.id === r.assignedTo}>
              ${t('assign.option', { name: m.name, role: word(m.role), count: m.openRequests })}
            </option>`,
        ),
      ),
    );
  }

  #details() {
    const { t, word, date } = this.ctx;
    const r = this.detail!.request;
    const given = (value: string | null) => value ?? t('request.none');
    return html`
      <section aria-labelledby="details">
        <h2 id="details">${t('request.details')}</h2>
        ${r.erased ? html`<p class="notice">${t('request.erased')}</p>` : nothing}
        <dl>
          <dt>${t('col.status')}</dt>
          <dd>${word(r.status)}</dd>
          ${
            r.outcome
              ? html`<dt>${t('request.outcome')}</dt>
                  <dd>${word(r.outcome)}</dd>`
              : nothing
          }
          <dt>${t('request.assignedTo')}</dt>
          <dd>${this.#assignee(r.assignedTo)}</dd>
          <dt>${t('col.priority')}</dt>
          <dd class=${r.priority === 1 ? 'urgent' : ''}>${this.ctx.priority(r.priority)}</dd>
          <dt>${t('col.topic')}</dt>
          <dd>${word(r.topic)}</dd>
          <dt>${t('request.channel')}</dt>
          <dd>${word(r.channel)}</dd>
          <dt>${t('request.contact')}</dt>
          <dd>${given(r.contact)}</dd>
          <dt>${t('request.name')}</dt>
          <dd>${given(r.name)}</dd>
          <dt>${t('request.windows')}</dt>
          <dd>${r.windows.map(word).join(', ')}</dd>
          <dt>${t('request.timeZone')}</dt>
          <dd>${r.timeZone}</dd>
          <dt>${t('request.leaveMessage')}</dt>
          <dd>${r.leaveMessage ? t('request.yes') : t('request.no')}</dd>
          <dt>${t('request.language')}</dt>
          <dd>
            ${r.language.toUpperCase()}${r.interpreterNeeded ? html` — ${t('request.interpreter', { language: given(r.interpreterLanguage) })}` : nothing}
          </dd>
          <dt>${t('request.note')}</dt>
          <dd>${given(r.note)}</dd>
          ${
            r.recordId
              ? html`<dt>${t('request.record')}</dt>
                  <dd>${r.recordId}</dd>`
              : nothing
          }
          ${
            r.serviceId
              ? html`<dt>${t('request.service')}</dt>
                  <dd>${r.serviceId}</dd>`
              : nothing
          }
          <dt>${t('col.received')}</dt>
          <dd>${date(r.createdAt)}</dd>
        </dl>
      </section>
    `;
  }

  #attempts() {
    const { t, word, date } = this.ctx;
    const attempts = this.detail!.attempts;
    return html`
      <section aria-labelledby="attempts">
        <h2 id="attempts">${t('request.attempts')}</h2>
        ${
          attempts.length
            ? html`<ul>
                ${attempts.map(
                  (a) =>
                    html`<li>
                      ${t('request.attempt', { at: date(a.at), channel: word(a.channel), reached: a.reached ? t('request.reached') : t('request.notReached') })}
                      ${a.note ? html`<br /><span class="muted">${a.note}</span>` : nothing}
                    </li>`,
                )}
              </ul>`
            : html`<p>${t('request.noAttempts')}</p>`
        }
      </section>
    `;
  }

  #attemptForm() {
    const { t, word } = this.ctx;
    const r = this.detail!.request;
    const record = (data: FormData, form: HTMLFormElement) => {
      const note = formText(data, 'note').trim();
      void this.#act(
        () =>
          this.ctx.api.attempt(r.id, {
            channel: formText(data, 'channel'),
            reached: data.get('reached') === 'on',
            ...(note ? { note } : {}),
          }),
        'attempt.done',
        form,
      );
    };
    return this.#actionForm(
      'attempt',
      record,
      html`<div class="field">
          <label for="channel">${t('attempt.channel')}</label>
          <select id="channel" name="channel">
            ${CALLBACK_CHANNELS.map((c) => html`<option value=${c} ?selected=${c === r.channel}>${word(c)}</option>`)}
          </select>
        </div>
        <label class="choice"><input type="checkbox" name="reached" /> ${t('attempt.reached')}</label>
        <div class="field">
          <label for="note">${t('attempt.note')}</label>
          <textarea
            id="note"
            name="note"
            maxlength="1000"
            aria-invalid=${this.invalid('note')}
            aria-describedby=${this.describedBy('note')}
          ></textarea>
          ${this.fieldError('note')}
        </div>`,
    );
  }

  #closeForm() {
    const { t, word } = this.ctx;
    const r = this.detail!.request;
    const close = (data: FormData) => {
      const outcome = data.get('outcome') as Outcome;
      void this.#act(() => this.ctx.api.close(r.id, outcome), 'close.done');
    };
    return this.#actionForm(
      'close',
      close,
      this.selectField(
        { name: 'outcome', label: t('close.outcome') },
        OUTCOMES.map((o) => html`<option value=${o}>${word(o)}</option>`),
      ),
      true,
    );
  }
}

defineElement('staff-request', StaffRequest);

declare global {
  interface HTMLElementTagNameMap {
    'staff-request': StaffRequest;
  }
}
