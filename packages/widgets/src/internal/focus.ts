// Moving focus after a step changes, so keyboard and screen-reader users land on what just appeared.
import type { LitElement } from 'lit';

/** After the next render, focus the first element matching `selector` in the shadow root. */
export async function focusAfterRender(host: LitElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
