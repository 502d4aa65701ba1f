import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import type { StaffAccount, Team } from './api.js';
import { ConsolePage, formText } from './page.js';

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Administration: staff accounts (disable, a new setup link) and teams with their routing rules. Accounts are
 * created with the CLI only (`referral-kit staff add`).
 * @customElement staff-admin
 */
export class StaffAdmin extends ConsolePage {
  @state() private accessor staff: StaffAccount[] | null = null;
  @state() private accessor teams: Team[] | null = null;
  /** The setup link just issued, shown once (it is a credential: never put in the URL or the title). */
  @state() private accessor link: { name: string; setupUrl: string; expiresAt: string } | null = null;
  /** The team whose routing the form holds (null: a new team). */
  @state() private accessor editing: Team | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const [staff, teams] = await Promise.all([this.ctx.api.staffAccounts(), this.ctx.api.teams()]);
      this.staff = staff.staff;
      this.teams = teams.teams;
    } catch (error) {
      this.failed(error);
    }
  }

  /** Runs an action and announces what it says it did. */
  #run(work: () => Promise<string>): Promise<void> {
    return this.run(async () => this.ctx.announce(await work()));
  }

  #disable(account: StaffAccount): Promise<void> {
    return this.#run(async () => {
      await this.ctx.api.disable(account.id);
      this.staff = this.staff!.map((s) => (s.id === account.id ? { ...s, status: 'disabled' } : s));
      return this.ctx.t('admin.disabled', { name: account.name });
    });
  }

  #newLink(account: StaffAccount): Promise<void> {
    return this.#run(async () => {
      const link = await this.ctx.api.setupLink(account.id);
      this.link = { name: account.name, ...link };
      return this.#linkText(this.link);
    });
  }

  #linkText(link: { name: string; expiresAt: string }): string {
    return this.ctx.t('admin.linkReady', { name: link.name, expiresAt: this.ctx.date(link.expiresAt) });
  }

  #saveTeam(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const team: Team = {
      id: formText(data, 'id').trim(),
      name: formText(data, 'name').trim(),
      states: list(formText(data, 'states')).map((s) => s.toUpperCase()),
      zipPrefixes: list(formText(data, 'zipPrefixes')),
      languages: list(formText(data, 'languages')),
      fallback: data.get('fallback') === 'on',
    };
    return this.#run(async () => {
      const saved = (await this.ctx.api.saveTeam(team)).team;
      this.teams = [...(this.teams ?? []).filter((t) => t.id !== saved.id), saved].sort((a, b) =>
        a.id.localeCompare(b.id),
      );
      form.reset();
      this.editing = null;
      return this.ctx.t('admin.teamSaved', { name: saved.name });
    });
  }

  override render() {
    const { t } = this.ctx;
    return html`
      <h1 tabindex="-1">${t('admin.title')}</h1>
      ${this.renderError()}
      ${this.link ? html`<p class="notice">${this.#linkText(this.link)} <code>${this.link.setupUrl}</code></p>` : nothing}
      <section aria-labelledby="staff-title">
        <h2 id="staff-title">${t('admin.staff')}</h2>
        ${this.staff ? this.#staffTable(this.staff) : html`<p>${t('loading')}</p>`}
      </section>
      <section aria-labelledby="teams-title">
        <h2 id="teams-title">${t('admin.teams')}</h2>
        ${this.teams ? this.#teamTable(this.teams) : nothing} ${this.#teamForm()}
      </section>
    `;
  }

  #staffTable(staff: StaffAccount[]) {
    const { t, word } = this.ctx;
    const columns = ['col.name', 'col.email', 'col.role', 'col.team', 'col.accountStatus', 'col.actions'] as const;
    return this.rowTable(t('admin.staffCaption'), columns, staff, (s) => [
      s.name,
      s.email,
      word(s.role),
      s.teamId ?? '',
      `${t(`account.${s.status}`)}${s.locked ? `, ${t('account.locked')}` : ''}`,
      s.id === this.ctx.staff?.id
        ? nothing
        : html`<div class="actions">
            <button ?disabled=${this.busy} @click=${() => this.#newLink(s)}>
              ${t('admin.link', { name: s.name })}
            </button>
            ${s.status === 'disabled' ? nothing : html`<button ?disabled=${this.busy} @click=${() => this.#disable(s)}>${t('admin.disable', { name: s.name })}</button>`}
          </div>`,
    ]);
  }

  #teamTable(teams: Team[]) {
    const { t } = this.ctx;
    const columns = [
      'col.id',
      'col.name',
      'col.states',
      'col.zips',
      'col.languages',
      'col.fallback',
      'col.actions',
    ] as const;
    return this.rowTable(t('admin.teamsCaption'), columns, teams, (team) => [
      team.id,
      team.name,
      team.states.join(', '),
      team.zipPrefixes.join(', '),
      team.languages.join(', '),
      team.fallback ? t('request.yes') : t('request.no'),
      html`<button ?disabled=${this.busy} @click=${() => this.#edit(team)}>
        ${t('admin.teamEdit', { name: team.name })}
      </button>`,
    ]);
  }

  /** Fills the form with a team's routing and moves there, so a change does not mean typing it all again. */
  async #edit(team: Team): Promise<void> {
    this.editing = team;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  #teamForm() {
    const { t } = this.ctx;
    const team = this.editing;
    const values: Record<string, string> = {
      id: team?.id ?? '',
      name: team?.name ?? '',
      states: team?.states.join(', ') ?? '',
      zipPrefixes: team?.zipPrefixes.join(', ') ?? '',
      languages: team?.languages.join(', ') ?? '',
    };
    const text = (name: string, label: string, hint?: string) =>
      this.textField({ name, label, value: values[name] ?? '', ...(hint ? { hint } : {}) });
    return html`<form novalidate @submit=${this.#saveTeam}>
      <h3>${t('admin.teamForm')}</h3>
      ${text('id', t('admin.teamId'), t('admin.teamIdHint'))} ${text('name', t('admin.teamName'))}
      ${text('states', t('admin.teamStates'), t('admin.listHint'))}
      ${text('zipPrefixes', t('admin.teamZips'), t('admin.listHint'))}
      ${text('languages', t('admin.teamLanguages'), t('admin.listHint'))}
      <label class="choice"
        ><input type="checkbox" name="fallback" .checked=${team?.fallback ?? false} /> ${t('admin.teamFallback')}</label
      >
      <button class="primary" type="submit" ?disabled=${this.busy}>${t('admin.teamSave')}</button>
    </form>`;
  }
}

defineElement('staff-admin', StaffAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'staff-admin': StaffAdmin;
  }
}
