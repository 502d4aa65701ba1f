import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import { LiveRegion } from '../../widgets/src/internal/live-region.js';
import { baseStyles } from '../../widgets/src/internal/styles.js';
import { ConsoleApi, type Session, type Staff } from './api.js';
import { browserLanguage, LANGUAGES, translator, type Lang, type MessageKey } from './i18n.js';
import { followLink, type ConsoleContext, type ConsolePage } from './page.js';
import {
  CONSOLE_PAGES,
  CONSOLE_ROOT as ROOT,
  matchPage,
  mayOpen,
  returnPage,
  type ConsolePageName,
  type PageMatch,
} from '../src/staff/pages.js';
import './staff-admin.js';
import './staff-audit.js';
import './staff-insights.js';
import './staff-not-found.js';
import './staff-queue.js';
import './staff-request.js';
import './staff-setup.js';
import './staff-sign-in.js';

/** What the shell shows: a page of the table, or why it shows none. */
type View = ConsolePageName | 'not-found' | 'forbidden';

/** The pages in the navigation (each shown to the roles that may open it), in the table's order. */
const NAV_LABELS = {
  queue: 'nav.queue',
  audit: 'nav.audit',
  insights: 'nav.insights',
  admin: 'nav.admin',
} as const satisfies Partial<Record<ConsolePageName, MessageKey>>;
const isNavPage = (name: string): name is keyof typeof NAV_LABELS => Object.hasOwn(NAV_LABELS, name);
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };
/** Page titles: generic on purpose, so no reference or name reaches the title bar or the browser's history. */
const TITLES: Record<View, MessageKey> = {
  'sign-in': 'signIn.title',
  setup: 'setup.title',
  queue: 'queue.title',
  request: 'request.heading',
  audit: 'audit.title',
  insights: 'nav.insights',
  admin: 'admin.title',
  'not-found': 'notFound.title',
  forbidden: 'forbidden.title',
};

/**
 * The staff console: header (navigation, language, sign-out), one page at a time routed by the URL under /console,
 * a live region, and focus on each new page's heading. Without a session a page brings the sign-in form (and after
 * signing in, the page asked for); a page the role may not open says so. A session that ends mid-work brings the
 * sign-in page back with a message.
 * @customElement staff-console
 */
export class StaffConsole extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        max-inline-size: 72rem;
        margin: 0 auto;
        padding: var(--_space);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space);
        border-block-end: 2px solid var(--_primary);
        padding-block-end: calc(var(--_space) * 0.5);
        margin-block-end: var(--_space);
      }
      .brand {
        font-weight: 700;
        font-size: 1.125em;
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin: 0;
        align-items: center;
      }
      nav a {
        color: var(--_primary);
        padding: 0.5em;
        display: inline-block;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
      }
      .who {
        margin: 0;
      }
    `,
  ];

  @state() private accessor route: PageMatch | null = matchPage(location.pathname);
  @state() private accessor language: Lang = browserLanguage(navigator.languages);
  /** undefined while the first GET /session is on its way. */
  @state() private accessor session: Session | null | undefined = undefined;
  @state() private accessor notice: MessageKey | null = null;
  /** The setup link's token, taken from the fragment once (and cleared from the address bar). */
  #setupToken = '';
  /** The page asked for before signing in (a console path: never personal data). */
  #returnTo: string | null = returnPage(new URLSearchParams(location.search).get('next'));
  #live = new LiveRegion(this);
  #api = new ConsoleApi(() => this.#expired());
  #ctx!: ConsoleContext;
  #focusPending = true;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.#popstate);
    if (this.route?.page.name === 'setup' && location.hash.length > 1) {
      this.#setupToken = decodeURIComponent(location.hash.slice(1));
      history.replaceState(null, '', location.pathname);
    }
    void this.#api.session().then(
      (session) => {
        this.session = session;
        this.#guard();
      },
      () => {
        this.session = null;
        this.#guard();
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#popstate);
  }

  #popstate = (): void => {
    this.notice = null;
    this.#show(matchPage(location.pathname));
  };

  #show(route: PageMatch | null): void {
    this.route = route;
    this.#focusPending = true;
    this.#guard();
  }

  /** Pages behind the sign-in go to sign-in without a session; the signed-in person skips the sign-in page. */
  #guard(): void {
    if (this.session === undefined || !this.route) return;
    if (!this.session && this.route.page.roles !== null) {
      this.#returnTo = location.pathname;
      this.#navigate(`${ROOT}/sign-in`, { replace: true });
    } else if (this.session && this.route.page.name === 'sign-in') {
      // Back from single sign-on (`?next=`), or a signed-in person opening the sign-in page.
      this.#navigate(this.#returnTo ?? ROOT, { replace: true });
      this.#returnTo = null;
    } else if (this.session && this.route.page.path === ROOT && !mayOpen(this.route.page, this.session.staff.role)) {
      // An account without a queue (a partner) starts on the first page it may open.
      const role = this.session.staff.role;
      const home = CONSOLE_PAGES.find((page) => isNavPage(page.name) && mayOpen(page, role));
      if (home) this.#navigate(home.path, { replace: true });
    }
  }

  /** The page to show, or why there is none. */
  #view(): View {
    if (!this.route) return 'not-found';
    return this.session && !mayOpen(this.route.page, this.session.staff.role) ? 'forbidden' : this.route.page.name;
  }

  #navigate(path: string, options: { replace?: boolean; notice?: MessageKey } = {}): void {
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.notice = options.notice ?? null;
    if (this.notice) this.#live.announce(translator(this.language).t(this.notice));
    this.#show(matchPage(path));
  }

  #expired(): void {
    if (!this.session) return;
    this.session = null;
    this.#returnTo = location.pathname;
    this.#navigate(`${ROOT}/sign-in`, { replace: true, notice: 'signIn.expired' });
  }

  async #signOut(): Promise<void> {
    await this.#api.signOut().catch(() => undefined);
    this.session = null;
    this.#returnTo = null;
    this.#navigate(`${ROOT}/sign-in`, { notice: 'signIn.signedOut' });
  }

  #setLanguage(lang: Lang): void {
    this.language = lang;
  }

  protected override willUpdate(): void {
    const tr = translator(this.language);
    this.#ctx = {
      ...tr,
      api: this.#api,
      staff: this.session?.staff ?? null,
      navigate: (path, options) => this.#navigate(path, options),
      returnTo: this.#returnTo,
      announce: (message) => this.#live.announce(message),
      signedIn: (session) => {
        this.session = session;
        this.#navigate(this.#returnTo ?? ROOT, { replace: true });
        this.#returnTo = null;
      },
    };
    document.documentElement.lang = this.language;
    document.title = `${tr.t(TITLES[this.#view()])} – ${tr.t('app.name')}`;
  }

  protected override updated(): void {
    void this.#focusPage();
  }

  /** Moves focus to the page's heading once the page has rendered (after a navigation). */
  async #focusPage(): Promise<void> {
    if (!this.#focusPending || this.session === undefined) return;
    const page = this.renderRoot.querySelector<ConsolePage>('main > :not(.visually-hidden)');
    if (!page) return;
    this.#focusPending = false;
    await page.updateComplete;
    page.focusHeading();
  }

  override render() {
    const { t } = this.#ctx;
    const staff = this.session?.staff;
    return html`
      <header>
        <p class="brand">${t('app.name')}</p>
        ${staff ? this.#nav(staff) : nothing}
        <div class="actions" role="group" aria-label=${t('lang.label')}>
          ${LANGUAGES.map(
            (lang) =>
              html`<button
                lang=${lang}
                aria-pressed=${lang === this.language ? 'true' : 'false'}
                @click=${() => this.#setLanguage(lang)}
              >
                ${LANGUAGE_NAMES[lang]}
              </button>`,
          )}
        </div>
      </header>
      <main>
        ${
          this.session === undefined
            ? html`<p>${t('loading')}</p>`
            : // keyed: each visit is a fresh element, so a page loads its data once, when it opens.
              keyed(`${this.#view()}/${this.route?.id ?? ''}`, this.#page())
        }
        ${this.#live.render()}
      </main>
    `;
  }

  #nav(staff: Staff): TemplateResult {
    const { t } = this.#ctx;
    const view = this.#view();
    const links = CONSOLE_PAGES.filter((page) => isNavPage(page.name) && mayOpen(page, staff.role)).map(
      (page) =>
        html`<li>
          <a
            href=${page.path}
            aria-current=${page.name === view ? 'page' : nothing}
            @click=${(event: MouseEvent) => followLink(event, this.#ctx)}
            >${t(NAV_LABELS[page.name as keyof typeof NAV_LABELS])}</a
          >
        </li>`,
    );
    return html`
      <nav aria-label=${t('nav.label')}>
        <ul>
          ${links}
          <li><button @click=${this.#signOut}>${t('nav.signOut')}</button></li>
        </ul>
      </nav>
      <p class="who">${t('signedInAs', { name: staff.name, role: this.#ctx.word(staff.role) })}</p>
    `;
  }

  #page(): TemplateResult {
    const ctx = this.#ctx;
    const view = this.#view();
    switch (view) {
      case 'sign-in':
        return html`<staff-sign-in .ctx=${ctx} .notice=${this.notice}></staff-sign-in>`;
      case 'setup':
        return html`<staff-setup .ctx=${ctx} .token=${this.#setupToken}></staff-setup>`;
      case 'queue':
        return html`<staff-queue .ctx=${ctx}></staff-queue>`;
      case 'request':
        return html`<staff-request .ctx=${ctx} .requestId=${this.route!.id!}></staff-request>`;
      case 'audit':
        return html`<staff-audit .ctx=${ctx}></staff-audit>`;
      case 'insights':
        return html`<staff-insights .ctx=${ctx}></staff-insights>`;
      case 'admin':
        return html`<staff-admin .ctx=${ctx}></staff-admin>`;
      default:
        return html`<staff-not-found .ctx=${ctx} reason=${view}></staff-not-found>`;
    }
  }
}

defineElement('staff-console', StaffConsole);

declare global {
  interface HTMLElementTagNameMap {
    'staff-console': StaffConsole;
  }
}
