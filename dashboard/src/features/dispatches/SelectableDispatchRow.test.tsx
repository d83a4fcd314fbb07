import { fireEvent, render, screen } from '@testing-library/react';
import { dispatchView } from '../../test/factories';
import { SelectableDispatchRow } from './SelectableDispatchRow';

const renderRow = (props: { selected?: boolean; fresh?: boolean; overdue?: boolean } = {}) => {
  const onOpen = jest.fn();
  render(
    <table>
      <tbody>
        <SelectableDispatchRow
          dispatch={dispatchView({ id: 'd7' })}
          testId="some-row"
          selected={props.selected ?? false}
          fresh={props.fresh ?? false}
          overdue={props.overdue ?? false}
          onOpen={onOpen}
        >
          <td>燃气管道泄漏</td>
        </SelectableDispatchRow>
      </tbody>
    </table>,
  );
  return { row: screen.getByTestId('some-row'), onOpen };
};

describe('SelectableDispatchRow', () => {
  it('opens its dispatch on a click, Enter or Space, and on no other key', () => {
    const { row, onOpen } = renderRow();
    fireEvent.click(row);
    fireEvent.keyDown(row, { key: 'Enter' });
    fireEvent.keyDown(row, { key: ' ' });
    fireEvent.keyDown(row, { key: 'a' });
    expect(onOpen.mock.calls).toEqual([['d7'], ['d7'], ['d7']]);
  });

  it('marks a selected, fresh, overdue row for the eye, the keyboard and the tests', () => {
    const { row } = renderRow({ selected: true, fresh: true, overdue: true });
    expect(row.className.split(' ').sort()).toEqual(['row--fresh', 'row--overdue', 'row--selected']);
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.getAttribute('tabindex')).toBe('0');
    expect(row.getAttribute('data-dispatch-id')).toBe('d7');
    expect(row.getAttribute('data-overdue')).toBe('true');
    expect(row.textContent).toBe('燃气管道泄漏');
  });

  it('has no state classes when it is none of them', () => {
    const { row } = renderRow();
    expect(row.className).toBe('');
    expect(row.getAttribute('aria-selected')).toBe('false');
    expect(row.getAttribute('data-overdue')).toBe('false');
  });
});
