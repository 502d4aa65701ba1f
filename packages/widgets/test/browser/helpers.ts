// Shared setup for the widgets' browser tests: an msw worker serving the mock API, and small DOM helpers.
import { setupWorker } from 'msw/browser';
import { createMockApi, generateFixtures, type MockApi } from '@referral-kit/mocks';
import { waitUntil } from '@open-wc/testing';

export const API = 'https://api.referral.test';
export const data = generateFixtures({ services: 120, custody: 60 });
export const mock: MockApi = createMockApi({ baseUrl: API, data, slowMs: 400 });
export const worker = setupWorker(...mock.handlers);

/** Every request the page made, to check nothing went anywhere but the API. */
export const requests: string[] = [];
worker.events.on('request:start', ({ request }) => {
  requests.push(request.url);
});

/** No test may leave an unhandled promise rejection behind (checked after every test of every file). */
const rejections: unknown[] = [];
window.addEventListener('unhandledrejection', (event) => rejections.push(event.reason));
afterEach(() => {
  const found = rejections.splice(0);
  if (found.length) throw new Error(`unhandled promise rejections: ${found.map(String).join('; ')}`);
});

export async function startWorker(): Promise<void> {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as querySelector<T>: the caller names what it finds
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <${host.localName}>`);
  return found;
}

export function $$<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(selector)];
}

export function text(host: Element): string {
  return host.shadowRoot!.textContent.replace(/\s+/g, ' ');
}

/** Types into an input the way a person does: value changes, then an input event. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export async function until(check: () => unknown, message: string, timeout = 8000): Promise<void> {
  await waitUntil(check, message, { timeout, interval: 20 });
}

// axe-core is a UMD script: load it for its side effect (window.axe).
import 'axe-core/axe.min.js';
import type AxeCore from 'axe-core';

const axe = (window as unknown as { axe: typeof AxeCore }).axe;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe with the WCAG 2.2 AA + best-practice tags on an element and fails with a readable list. */
export async function expectAccessible(el: Element, state: string): Promise<void> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    // Page-level rules judge the test page, not the widget inside it.
    rules: {
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  });
  const problems = result.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`,
  );
  if (problems.length) throw new Error(`axe violations in state "${state}":\n${problems.join('\n')}`);
}

/** The next event of a name on a target, typed. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(name, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}

/** Everything a visit could leave behind in the browser: cookies, storage, history, URL, title, databases, caches, workers. */
export async function browserTraces() {
  return {
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    history: history.length,
    href: location.href,
    title: document.title,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  };
}
