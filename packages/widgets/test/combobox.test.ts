// The search combobox's keyboard: arrows wrap through the options, Enter chooses or searches, Escape closes then empties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nothing, type ReactiveControllerHost } from 'lit';
import { ComboboxController } from '../src/internal/combobox.js';

function setup(count: number) {
  const calls: string[] = [];
  const host = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
  } as unknown as ReactiveControllerHost;
  const combo = new ComboboxController(host, {
    count: () => count,
    choose: (i) => void calls.push(`choose ${i}`),
    submit: () => void calls.push('submit'),
    empty: (input) => void calls.push(`empty ${input.value}`),
  });
  const input = { value: 'legal' } as HTMLInputElement;
  const press = (key: string) => {
    let prevented = false;
    combo.onKeyDown({ key, target: input, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent);
    return prevented;
  };
  return { combo, calls, press };
}

describe('ComboboxController', () => {
  it('arrows open the list and wrap through the options; Enter chooses the active one', () => {
    const { combo, calls, press } = setup(3);
    assert.equal(combo.open, false);
    assert.equal(press('ArrowUp'), true);
    assert.deepEqual([combo.open, combo.active, combo.activeId], [true, 2, 'option-2']);
    press('ArrowDown');
    assert.equal(combo.active, 0, 'wraps to the first');
    press('Enter');
    assert.deepEqual(calls, ['choose 0']);
  });

  it('Enter with no active option searches; new options leave none active', () => {
    const { combo, calls, press } = setup(2);
    combo.expand(true);
    press('ArrowDown');
    combo.deactivate();
    assert.equal(combo.activeId, nothing);
    press('Enter');
    assert.deepEqual(calls, ['submit']);
  });

  it('Escape closes an open list, then empties the field; Tab closes; no options, no arrows', () => {
    const { combo, calls, press } = setup(2);
    press('ArrowDown');
    assert.equal(press('Escape'), true);
    assert.deepEqual([combo.open, combo.active], [false, -1]);
    press('Escape');
    assert.deepEqual(calls, ['empty legal']);
    press('ArrowDown');
    press('Tab');
    assert.equal(combo.open, false);
    assert.equal(setup(0).press('ArrowDown'), false, 'nothing to move through: the key keeps its default');
  });
});
