import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TimerRule } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { TimerRulesAdmin } from './TimerRulesAdmin';

function setup() {
  let rules: TimerRule[] = [
    {
      whistleType: 'enforcement',
      priority: 'any',
      limits: { accept: 30, arrive: 120, resolve: 3 * 24 * 60 },
    },
  ];
  const puts: unknown[] = [];
  fakeFetch((method, path, body) => {
    if (method === 'GET' && path === '/api/timer-rules') return [200, rules];
    if (method === 'PUT' && path === '/api/timer-rules') {
      puts.push(body);
      const rule = body as TimerRule;
      if (rule.limits.arrive > 10_000) {
        return [
          400,
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'x',
            fields: { 'limits.arrive': ['arrive must not be greater than 525600'] },
          },
        ];
      }
      rules = [
        ...rules.filter((r) => r.whistleType !== rule.whistleType || r.priority !== rule.priority),
        rule,
      ];
      return [200, rules];
    }
    return undefined;
  });
  renderSignedIn(<TimerRulesAdmin />, deskUser('admin'));
  return puts;
}

describe('timer rules admin', () => {
  beforeEach(() => {
    sessionStorage.clear();
    jest.useFakeTimers({ now: new Date('2026-12-04T08:37:00Z'), doNotFake: ['queueMicrotask', 'nextTick'] });
  });
  afterEach(() => jest.useRealTimers());

  it('lists every type and priority with where its limits come from', async () => {
    setup();
    const set = await screen.findByTestId('row-enforcement-any');
    expect(within(set).getByText('已设定')).toBeTruthy();
    expect(within(screen.getByTestId('row-enforcement-high')).getByText('沿用“任意”规则')).toBeTruthy();
    expect(within(screen.getByTestId('row-emergency-any')).getByText('系统默认')).toBeTruthy();
  });

  it('previews the clocks in China time as the limits are typed in hours and days, then saves minutes', async () => {
    const puts = setup();
    fireEvent.click(await screen.findByTestId('timer-edit-enforcement-high'));
    expect(screen.getByTestId<HTMLInputElement>('timer-resolve-amount').value).toBe('3');
    expect(screen.getByTestId<HTMLSelectElement>('timer-resolve-unit').value).toBe('days');
    expect(screen.getByTestId('timer-preview').textContent).toContain(
      '现在 16:37 吹哨 → 17:07 前接单，18:37 前报到，2026-12-07 16:37 前办结',
    );
    fireEvent.change(screen.getByTestId('timer-arrive-amount'), { target: { value: '1.5' } });
    fireEvent.change(screen.getByTestId('timer-resolve-amount'), { target: { value: '1' } });
    expect(screen.getByTestId('timer-preview').textContent).toContain(
      '18:07 前报到，2026-12-05 16:37 前办结',
    );

    fireEvent.click(screen.getByTestId('timer-rule-submit'));
    await waitFor(() => expect(screen.queryByTestId('timer-preview')).toBeNull());
    expect(puts).toEqual([
      { whistleType: 'enforcement', priority: 'high', limits: { accept: 30, arrive: 90, resolve: 1440 } },
    ]);
    await waitFor(() =>
      expect(within(screen.getByTestId('row-enforcement-high')).getByText('已设定')).toBeTruthy(),
    );
  });

  it('shows an empty duration and the server’s message beside the stage they are about', async () => {
    setup();
    fireEvent.click(await screen.findByTestId('timer-edit-emergency-any'));
    fireEvent.change(screen.getByTestId('timer-accept-amount'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('timer-rule-submit'));
    const accept = screen.getByText('请输入大于 0 的时长').closest('.form-field');
    expect(accept?.contains(screen.getByTestId('timer-accept-amount'))).toBe(true);

    fireEvent.change(screen.getByTestId('timer-accept-amount'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('timer-arrive-amount'), { target: { value: '30' } });
    fireEvent.change(screen.getByTestId('timer-arrive-unit'), { target: { value: 'days' } });
    fireEvent.click(screen.getByTestId('timer-rule-submit'));
    const arrive = (await screen.findByText('arrive must not be greater than 525600')).closest('.form-field');
    expect(arrive?.contains(screen.getByTestId('timer-arrive-amount'))).toBe(true);
  });
});
