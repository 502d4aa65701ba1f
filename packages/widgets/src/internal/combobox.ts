// The keyboard side of a search combobox (ARIA 1.2 pattern, list autocomplete): whether the list is open, which
// option is active, and what the arrow keys, Enter, Escape and Tab do. The element renders; this keeps the state.
import { nothing, type ReactiveControllerHost } from 'lit';

export interface ComboboxActions {
  /** How many options the list has now. */
  count(): number;
  /** Enter on the active option. */
  choose(index: number): void;
  /** Enter with no active option: search now. */
  submit(): void;
  /** Escape when the list is closed and the field has text: empty it. */
  empty(input: HTMLInputElement): void;
}

/** Needs no lifecycle of its own: the element's clear() (quick exit, removal) closes it. */
export class ComboboxController {
  #expanded = false;
  #active = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly actions: ComboboxActions,
  ) {}

  /** The list shows (asked open, and something to show). */
  get open(): boolean {
    return this.#expanded && this.actions.count() > 0;
  }

  /** The active option's index, -1 for none. */
  get active(): number {
    return this.#active;
  }

  /** The active option's id, for aria-activedescendant. */
  get activeId(): string | typeof nothing {
    return this.open && this.#active >= 0 ? `option-${this.#active}` : nothing;
  }

  /** Opens (typing) or closes (blur) the list, keeping the active option. */
  expand(expanded: boolean): void {
    this.#set(expanded, this.#active);
  }

  /** Closes the list and forgets the active option. */
  close(): void {
    this.#set(false, -1);
  }

  /** New options: none is active. */
  deactivate(): void {
    this.#set(this.#expanded, -1);
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.actions.count();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        this.#set(true, down ? (this.#active + 1) % count : this.#active <= 0 ? count - 1 : this.#active - 1);
        break;
      }
      case 'Enter':
        event.preventDefault();
        if (this.#expanded && this.#active >= 0 && this.#active < count) this.actions.choose(this.#active);
        else this.actions.submit();
        break;
      case 'Escape':
        if (this.#expanded) {
          event.preventDefault();
          this.close();
        } else if ((event.target as HTMLInputElement).value) {
          event.preventDefault();
          this.actions.empty(event.target as HTMLInputElement);
        }
        break;
      case 'Tab':
        this.expand(false);
        break;
    }
  };

  #set(expanded: boolean, active: number): void {
    this.#expanded = expanded;
    this.#active = active;
    this.host.requestUpdate();
  }
}
