import { fireEvent, render, screen } from '@testing-library/react';
import { TabStrip } from './TabStrip';

const TABS = ['new', 'overdue', 'done'] as const;

describe('TabStrip', () => {
  it('marks the open tab, shows the counts it is given and turns an alarm tab red above zero', () => {
    const onChange = jest.fn();
    render(
      <TabStrip
        tabs={TABS}
        active="new"
        onChange={onChange}
        label={(key) => key.toUpperCase()}
        testIdPrefix="tab-"
        counts={{ new: 2, overdue: 1 }}
        alarmTabs={['overdue', 'new']}
        ariaLabel="inbox"
      />,
    );
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('inbox');
    const [fresh, overdue, done] = [
      screen.getByTestId('tab-new'),
      screen.getByTestId('tab-overdue'),
      screen.getByTestId('tab-done'),
    ];
    expect(fresh.className).toBe('tab tab--on tab--alarm');
    expect(fresh.getAttribute('aria-selected')).toBe('true');
    expect(overdue.className).toBe('tab tab--alarm');
    expect(overdue.textContent).toBe('OVERDUE 1');
    // No count given: none shown, and nothing to alarm about.
    expect(done.className).toBe('tab');
    expect(done.textContent).toBe('DONE');
    expect(done.querySelector('.count')).toBeNull();
    fireEvent.click(done);
    expect(onChange).toHaveBeenCalledWith('done');
  });

  it('keeps an alarm tab quiet at zero', () => {
    render(
      <TabStrip
        tabs={TABS}
        active="done"
        onChange={() => undefined}
        label={(key) => key}
        testIdPrefix="t-"
        counts={{ overdue: 0 }}
        alarmTabs={['overdue']}
      />,
    );
    expect(screen.getByTestId('t-overdue').className).toBe('tab');
    expect(screen.getByTestId('t-overdue').querySelector('.count')?.textContent).toBe('0');
  });
});
