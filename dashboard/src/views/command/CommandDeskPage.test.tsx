import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { DispatchView, StandingEntryView } from '@whistle/shared';
import { LiveProvider } from '../../features/live/LiveProvider';
import { FakeSocket } from '../../test/fake-socket';
import { captureDownloads, csvLines } from '../../test/downloads';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { CommandDeskPage } from './CommandDeskPage';
import { dispatchView, incidentView, type DispatchPatch } from '../../test/factories';

let socket: FakeSocket | null = null;
jest.mock('../../features/live/socket', () => ({
  createSocket: (auth: never) => {
    socket = new FakeSocket(auth);
    return socket;
  },
}));

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const dispatch = (id: string, patch: DispatchPatch = {}) =>
  dispatchView({ id, incidentId: `inc-${id}`, incident: { title: `事件 ${id}` }, ...patch });

/** The desk as a district operator sees it, live socket and all. */
const renderDeskPage = () =>
  renderSignedIn(
    <LiveProvider>
      <CommandDeskPage />
    </LiveProvider>,
    deskUser('district_operator', { streetId: null, departmentId: null }),
  );

const standing = (reviewDue: boolean): StandingEntryView[] => [
  {
    incident: {
      id: 'inc-s',
      title: '历史遗留违建',
      category: 'illegal_construction',
      status: 'registered',
      streetId: 's1',
      standing: { reason: '待司法判决', reviewOn: '2026-12-06', since: at(-60 * 24) },
    } as StandingEntryView['incident'],
    reviewDue,
    remindedOn: reviewDue ? '2026-12-06' : null,
  },
];

describe('district command desk', () => {
  beforeEach(() => sessionStorage.clear());

  it('lists the server’s order (overdue first), counts the overdue, and suggests the 攻坚哨', async () => {
    const late = dispatch('late', {
      status: 'accepted',
      acceptBy: at(-60),
      arriveBy: at(-5),
      overdueStages: ['accept', 'arrive'],
    });
    const calls = fakeFetch((_method, path) => {
      if (path === '/api/dispatches') return [200, [late, dispatch('fresh')]];
      if (path === '/api/incidents/standing') return [200, []];
      if (path === '/api/streets' || path === '/api/departments') return [200, []];
      return undefined;
    });
    renderDeskPage();
    const rows = await screen.findAllByTestId('desk-row');
    expect(rows.map((r) => r.getAttribute('data-dispatch-id'))).toEqual(['late', 'fresh']);
    expect(rows[0]?.getAttribute('data-overdue')).toBe('true');
    expect(screen.getByTestId('desk-tab-dispatches').textContent).toContain('1');
    expect(screen.getByTestId('tough-suggestion').getAttribute('data-incident-id')).toBe('inc-late');
    const listed = calls.mock.calls.map(([url]) => new URL(String(url), 'http://localhost'));
    expect(
      listed.some((u) => u.pathname === '/api/dispatches' && u.searchParams.get('sort') === 'overdue_first'),
    ).toBe(true);

    // Filtering to the overdue asks the server for them.
    fireEvent.change(screen.getByTestId('filter-overdue'), { target: { value: 'overdue' } });
    await waitFor(() =>
      expect(
        calls.mock.calls.some(
          ([url]) => new URL(String(url), 'http://localhost').searchParams.get('overdue') === 'true',
        ),
      ).toBe(true),
    );
  });

  it('lists every street’s incidents overdue first, opens one, and puts it on the standing register', async () => {
    const late = incidentView({ id: 'late', title: '井盖缺失', status: 'in_progress', overdue: true });
    const waiting = incidentView({ id: 'waiting', title: '垃圾堆放', streetId: 's2' });
    const calls = fakeFetch((method, path) => {
      if (path === '/api/incidents' && method === 'GET')
        return [200, { items: [late, waiting], total: 2, nextCursor: null }];
      if (path === '/api/incidents/waiting')
        return [200, { ...waiting, whistles: [], tasks: [], timeline: [], actions: ['merge'] }];
      if (path === '/api/incidents/waiting/photos') return [200, []];
      if (path === '/api/dispatches' || path === '/api/incidents/standing') return [200, []];
      if (path === '/api/streets')
        return [
          200,
          [
            { id: 's1', nameZh: '梅园街道', nameEn: 'Meiyuan' },
            { id: 's2', nameZh: '夫子庙街道', nameEn: 'Fuzimiao' },
          ],
        ];
      if (path === '/api/departments') return [200, []];
      return undefined;
    });
    renderDeskPage();
    fireEvent.click(await screen.findByTestId('desk-tab-incidents'));
    const rows = await screen.findAllByTestId('desk-incident-row');
    expect(rows.map((r) => r.getAttribute('data-incident-id'))).toEqual(['late', 'waiting']);
    expect(rows[0]?.getAttribute('data-overdue')).toBe('true');
    expect(rows[1]?.textContent).toContain('夫子庙街道');
    expect(rows[1]?.textContent).toContain('待吹哨');
    expect(screen.getByTestId('desk-tab-incidents').textContent).toContain('1');
    const asked = calls.mock.calls
      .map(([url]) => new URL(String(url), 'http://localhost'))
      .find((u) => u.pathname === '/api/incidents');
    expect(asked?.searchParams.get('sort')).toBe('overdue_first');
    expect(asked?.searchParams.get('status')).toBe(
      'reported,registered,dispatched,in_progress,resolved,reopened',
    );

    fireEvent.click(rows[1]);
    expect((await screen.findByTestId('incident-detail')).textContent).toContain('垃圾堆放');
    fireEvent.click(screen.getByTestId('incident-standing'));
    expect((await screen.findByRole('dialog')).textContent).toContain('挂账原因');
  });

  it('marks a standing entry due when its review reminder arrives live', async () => {
    let due = false;
    fakeFetch((_method, path) => {
      if (path === '/api/incidents/standing') return [200, standing(due)];
      if (path === '/api/dispatches') return [200, []];
      if (path === '/api/streets' || path === '/api/departments') return [200, []];
      return undefined;
    });
    renderDeskPage();
    fireEvent.click(await screen.findByTestId('desk-tab-standing'));
    await screen.findByTestId('standing-row');
    expect(screen.queryByTestId('standing-due')).toBeNull();

    due = true;
    act(() =>
      socket?.emit({
        id: '21',
        type: 'incident.updated',
        occurredAt: new Date().toISOString(),
        payload: { ...standing(true)[0].incident, change: 'standing_review_due' },
      }),
    );
    expect(await screen.findByTestId('standing-due')).toBeTruthy();
    expect(screen.getByTestId('desk-tab-standing').textContent).toContain('1');
  });
});

describe('district command desk — keys, exports and alerts', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => jest.restoreAllMocks());

  const renderDesk = (rows: DispatchView[], register: StandingEntryView[] = []) => {
    fakeFetch((_method, path) => {
      if (path === '/api/dispatches') return [200, rows];
      if (path === '/api/incidents/standing') return [200, register];
      if (path === '/api/streets') return [200, [{ id: 's1', nameZh: '梅园街道', nameEn: 'Meiyuan' }]];
      if (path === '/api/departments') return [200, [{ id: 'dep1', nameZh: '城管局', nameEn: 'Urban' }]];
      return undefined;
    });
    renderDeskPage();
  };
  const key = (k: string) => fireEvent.keyDown(document.body, { key: k });

  it('moves with j, opens with Enter and opens the 督办 and 改派 dialogs with d and m', async () => {
    const late = dispatch('late', { status: 'pending', acceptBy: at(-5), overdueStages: ['accept'] });
    renderDesk([late, dispatch('fresh')]);
    await screen.findAllByTestId('desk-row');

    key('j');
    key('j');
    expect(document.activeElement?.getAttribute('data-dispatch-id')).toBe('fresh');
    key('k');
    key('Enter');
    expect(await screen.findByTestId('oversight-bar')).toBeTruthy();
    expect(screen.getAllByTestId('desk-row')[0]?.getAttribute('aria-selected')).toBe('true');

    // d presses 督办: its note dialog opens; while it is open, keys are the dialog's.
    key('d');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('督办');
    key('j');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    key('m');
    expect((await screen.findByRole('dialog')).textContent).toContain('改派');
  });

  it('lists its keys on the ? sheet', async () => {
    renderDesk([dispatch('a')]);
    await screen.findAllByTestId('desk-row');
    key('?');
    const sheet = await screen.findByTestId('shortcut-sheet');
    for (const text of ['督办选中的派单', '改派', '挂账', '筛选街道', '下一条'])
      expect(sheet.textContent).toContain(text);
    // Escalating blows a 攻坚哨 at once: it has no key, so a stray key never summons a leader.
    expect(sheet.textContent).not.toContain('攻坚哨');
  });

  it('exports the dispatch list, the standing register and the district tasks as on screen', async () => {
    const files = captureDownloads();
    renderDesk([dispatch('a'), dispatch('b', { status: 'accepted' })], standing(true));
    await screen.findAllByTestId('desk-row');
    fireEvent.click(screen.getByTestId('desk-export-csv'));
    expect(files[0]?.fileName).toMatch(/^全区派单_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = await csvLines(files[0]);
    expect(lines[0]).toBe('标题,街道,承办单位,吹哨类型,类别,紧急程度,状态,当前环节,时限,是否超时,发起时间');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '事件 a,梅园街道,城管局',
      '事件 b,梅园街道,城管局',
    ]);
    expect(screen.getByTestId('desk-export-xlsx')).toBeTruthy();

    fireEvent.click(screen.getByTestId('desk-tab-standing'));
    await screen.findByTestId('standing-row');
    fireEvent.click(screen.getByTestId('standing-export-csv'));
    expect(files[1]?.fileName).toMatch(/^挂账台账_\d{4}-\d{2}-\d{2}\.csv$/);
    const register = await csvLines(files[1]);
    expect(register).toHaveLength(2);
    expect(register[1]).toMatch(
      /^历史遗留违建,梅园街道,.*,待司法判决,\d{4}-\d{2}-\d{2} \d{2}:\d{2},2026-12-06,是$/,
    );

    fireEvent.click(screen.getByTestId('desk-tab-tasks'));
    expect(screen.getByTestId('tasks-export-csv')).toBeTruthy();
  });

  it('raises the register review reminder as an alert that opens the register', async () => {
    renderDesk([], standing(true));
    await screen.findByTestId('desk-tab-standing');
    act(() =>
      socket?.emit({
        id: '31',
        type: 'incident.updated',
        occurredAt: new Date().toISOString(),
        payload: { ...standing(true)[0].incident, change: 'standing_review_due' },
      }),
    );
    expect((await screen.findByTestId('alarm-pill')).textContent).toBe('有挂账到期复核');
  });
});
