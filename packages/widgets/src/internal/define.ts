/**
 * Registers a custom element once. Loading the bundle twice, or next to another copy of the widgets,
 * keeps the first definition instead of throwing "this name has already been used".
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
}
