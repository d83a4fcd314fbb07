import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { listShortcuts } from './list-shortcuts';
import { ShortcutRegistry } from './registry';
import { ShortcutSheet } from './ShortcutSheet';
import { useShortcuts } from './useShortcuts';

function Console({ registry, onAccept }: { registry: ShortcutRegistry; onAccept: () => void }) {
  const [opened, setOpened] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  useShortcuts(
    [
      ...listShortcuts('[data-testid="row"]'),
      { keys: ['a'], description: 'ops.keys.accept', group: 'actions', run: onAccept },
    ],
    registry,
  );
  return (
    <div>
      <input data-testid="search" />
      <textarea data-testid="note" />
      <table>
        <tbody>
          {['r1', 'r2', 'r3'].map((id) => (
            <tr key={id} data-testid="row" tabIndex={0} data-id={id} onClick={() => setOpened(id)}>
              <td>{id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="opened">{opened ?? ''}</p>
      <button type="button" onClick={() => setDialog(true)}>
        dialog
      </button>
      {dialog && <div role="dialog" aria-modal="true" data-testid="dialog" />}
      <ShortcutSheet registry={registry} />
    </div>
  );
}

function setup() {
  const registry = new ShortcutRegistry(document);
  const onAccept = jest.fn();
  const view = render(<Console registry={registry} onAccept={onAccept} />);
  return { registry, onAccept, view };
}

const press = (key: string, target: Element | Document = document, init: KeyboardEventInit = {}) =>
  act(() => void fireEvent.keyDown(target, { key, bubbles: true, ...init }));

describe('keyboard shortcuts', () => {
  it('move through the list with j/k and the arrows, and open the row with Enter', () => {
    setup();
    press('j');
    expect(document.activeElement?.getAttribute('data-id')).toBe('r1');
    press('ArrowDown');
    press('j');
    expect(document.activeElement?.getAttribute('data-id')).toBe('r3');
    press('j'); // stays on the last row
    expect(document.activeElement?.getAttribute('data-id')).toBe('r3');
    press('k');
    press('ArrowUp');
    expect(document.activeElement?.getAttribute('data-id')).toBe('r1');
    press('Enter', document.body);
    expect(screen.getByTestId('opened').textContent).toBe('r1');
  });

  it('run an action key, but never while typing in a field or with Ctrl/⌘ held', () => {
    const { onAccept } = setup();
    press('a', screen.getByTestId('search'));
    press('a', screen.getByTestId('note'));
    press('a', document.body, { ctrlKey: true });
    press('a', document.body, { metaKey: true });
    expect(onAccept).not.toHaveBeenCalled();
    press('a', document.body);
    press('A', document.body);
    expect(onAccept).toHaveBeenCalledTimes(2);
  });

  it('do nothing while a dialog is open', () => {
    const { onAccept } = setup();
    fireEvent.click(screen.getByText('dialog'));
    expect(screen.getByTestId('dialog')).toBeTruthy();
    press('a', document.body);
    press('j', document.body);
    expect(onAccept).not.toHaveBeenCalled();
    expect(document.activeElement?.getAttribute('data-id')).toBeFalsy();
  });

  it('list themselves on the ? sheet in the UI language; Escape closes it', () => {
    setup();
    expect(screen.queryByTestId('shortcut-sheet')).toBeNull();
    press('?', document.body, { shiftKey: true });
    const sheet = screen.getByTestId('shortcut-sheet');
    expect(sheet.textContent).toContain('本页快捷键');
    expect(sheet.textContent).toContain('下一条');
    expect(sheet.textContent).toContain('接单');
    expect(sheet.textContent).toContain('↓');
    // The sheet is a dialog: keys do not reach the view behind it.
    press('j', document.body);
    expect(document.activeElement?.getAttribute('data-id')).toBeFalsy();
    press('Escape', document.body);
    expect(screen.queryByTestId('shortcut-sheet')).toBeNull();
  });

  it('stop when the view unmounts', () => {
    const { registry, onAccept, view } = setup();
    expect(registry.list().length).toBe(4);
    view.unmount();
    expect(registry.list()).toHaveLength(0);
    press('a', document.body);
    expect(onAccept).not.toHaveBeenCalled();
  });
});
