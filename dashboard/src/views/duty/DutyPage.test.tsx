import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { DispatchView } from '@whistle/shared';
import { LiveProvider } from '../../features/live/LiveProvider';
import { FakeSocket } from '../../test/fake-socket';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { DutyPage } from './DutyPage';
import { dispatchView } from '../../test/factories';
import { fakeNotifications } from '../../test/notifications';

let socket: FakeSocket | null = null;
jest.mock('../../features/live/socket', () => ({
  createSocket: (auth: never) => {
    socket = new FakeSocket(auth);
    return socket;
  },
}));

const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const dispatch = () =>
  dispatchView({
    id: 'dsp-1',
    incidentId: 'inc-1',
    whistleType: 'emergency',
    acceptBy: soon(5),
    arriveBy: soon(30),
    resolveBy: soon(240),
    incident: { title: '燃气管道泄漏', category: 'gas_leak', priority: 'urgent' },
    actions: ['accept', 'reject'],
  });

/** The duty console as a department officer sees it, live socket and all. */
const renderDutyPage = () =>
  renderSignedIn(
    <LiveProvider>
      <DutyPage />
    </LiveProvider>,
    deskUser('dept_officer'),
  );

describe('duty console', () => {
  beforeEach(() => {
    sessionStorage.clear();
    document.title = '值班台';
  });

  it('alerts on a new dispatch for the department and offers the state machine’s actions', async () => {
    let served: DispatchView[] = [];
    fakeFetch((_method, path) => {
      if (path === '/api/dispatches') return [200, served];
      if (path === '/api/streets' || path === '/api/departments') return [200, []];
      return undefined;
    });
    renderDutyPage();
    expect(await screen.findByText('暂无数据')).toBeTruthy();
    expect(screen.getByTestId('tab-new').textContent).toContain('0');

    served = [dispatch()];
    act(() =>
      socket?.emit({
        id: '11',
        type: 'dispatch.created',
        occurredAt: new Date().toISOString(),
        payload: dispatch(),
      }),
    );
    const row = await screen.findByTestId('dispatch-row');
    expect(row.getAttribute('data-dispatch-id')).toBe('dsp-1');
    expect(row.className).toContain('row--fresh');
    expect(screen.getByTestId('tab-new').textContent).toContain('1');
    await waitFor(() => expect(document.title).toBe('【新派单】值班台'), { timeout: 3000 });

    // Opening the dispatch clears its highlight; a click ends the blinking title.
    fireEvent.pointerDown(window);
    fireEvent.click(row);
    await waitFor(() => expect(document.title).toBe('值班台'));
    expect(screen.getByTestId('dispatch-row').className).not.toContain('row--fresh');
    expect(screen.getByTestId('action-accept')).toBeTruthy();
    expect(screen.getByTestId('action-reject')).toBeTruthy();
    expect(screen.queryByTestId('action-resolve')).toBeNull();
  });

  it('notifies and rings for a new dispatch, and stays quiet once this user muted alerts', async () => {
    const tones: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      resume = async () => {};
      close = async () => {};
      createGain = () => ({
        gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} },
        connect: (next: unknown) => next,
      });
      createOscillator = () => ({
        type: 'sine',
        frequency: { value: 0 },
        connect: (next: unknown) => next,
        start: () => tones.push(1),
        stop: () => {},
      });
    }
    const { shown, requestPermission } = fakeNotifications();
    Object.assign(window, { AudioContext: FakeAudioContext });
    try {
      fakeFetch((_method, path) =>
        ['/api/dispatches', '/api/streets', '/api/departments'].includes(path) ? [200, []] : undefined,
      );
      renderDutyPage();
      const toggle = await screen.findByTestId('alerts-toggle');
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
      fireEvent.pointerDown(window); // the gesture that unlocks audio
      act(() =>
        socket?.emit({
          id: '11',
          type: 'dispatch.created',
          occurredAt: new Date().toISOString(),
          payload: dispatch(),
        }),
      );
      await waitFor(() => expect(shown).toHaveLength(1));
      expect(shown[0]?.title).toBe('新派单：燃气管道泄漏');
      expect(tones.length).toBeGreaterThan(0);
      // Permission was already granted: never asked.
      expect(requestPermission).not.toHaveBeenCalled();

      fireEvent.click(toggle);
      expect(toggle.getAttribute('aria-pressed')).toBe('false');
      expect(localStorage.getItem('whistle.alerts.muted:u1')).toBe('1');
      const rung = tones.length;
      act(() =>
        socket?.emit({
          id: '12',
          type: 'dispatch.created',
          occurredAt: new Date().toISOString(),
          payload: { ...dispatch(), id: 'dsp-2' },
        }),
      );
      // Muted: the page still marks it, but no notification and no sound.
      expect(await screen.findByTestId('alarm-pill')).toBeTruthy();
      expect(shown).toHaveLength(1);
      expect(tones.length).toBe(rung);
    } finally {
      Reflect.deleteProperty(window, 'Notification');
      Reflect.deleteProperty(window, 'AudioContext');
      localStorage.clear();
    }
  });

  it('alerts on the district’s 督办 note with a notification naming it and marks the dispatch', async () => {
    const { shown } = fakeNotifications();
    try {
      const accepted = { ...dispatch(), status: 'accepted' as const };
      fakeFetch((_method, path) => {
        if (path === '/api/dispatches') return [200, [accepted]];
        if (path === '/api/streets' || path === '/api/departments') return [200, []];
        return undefined;
      });
      renderDutyPage();
      fireEvent.click(await screen.findByTestId('tab-active'));
      await screen.findByTestId('dispatch-row');
      act(() =>
        socket?.emit({
          id: '41',
          type: 'dispatch.updated',
          occurredAt: new Date().toISOString(),
          payload: { ...accepted, change: 'supervise', note: '群众反映强烈，请今日办结' },
        }),
      );
      expect((await screen.findByTestId('alarm-pill')).textContent).toBe('收到督办');
      expect(screen.getByTestId('dispatch-row').className).toContain('row--fresh');
      expect(shown).toEqual([{ title: '区指挥中心督办：燃气管道泄漏', body: '群众反映强烈，请今日办结' }]);
    } finally {
      Reflect.deleteProperty(window, 'Notification');
    }
  });
});
