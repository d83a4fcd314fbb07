import { FakeSocket, incidentEvent } from '../../test/fake-socket';
import { LiveStore } from './live-store';
import type { AnyLiveEvent } from './types';

function setup(options: { seenLimit?: number; refreshToken?: () => Promise<string | null> } = {}) {
  let socket: FakeSocket | undefined;
  const frames: (() => void)[] = [];
  const store = new LiveStore({
    token: 'tok',
    createSocket: (auth) => (socket = new FakeSocket(auth)),
    scheduleFlush: (flush) => frames.push(flush),
    offlineAfterMs: 1000,
    serverCloseRetryMs: 500,
    ...options,
  });
  const batches: (readonly AnyLiveEvent[])[] = [];
  store.subscribe((batch) => batches.push(batch));
  const frame = () => frames.splice(0).forEach((run) => run());
  if (!socket) throw new Error('no socket created');
  return { store, socket, batches, frame, frames };
}

describe('LiveStore', () => {
  afterEach(() => jest.useRealTimers());

  it('delivers all events of one frame as one batch', () => {
    const { socket, batches, frame, frames } = setup();
    socket.emit(incidentEvent('1'));
    socket.emit(incidentEvent('2'));
    socket.emit(incidentEvent('3'));
    expect(frames).toHaveLength(1); // one flush scheduled, not three
    expect(batches).toHaveLength(0);
    frame();
    expect(batches.map((b) => b.map((e) => e.id))).toEqual([['1', '2', '3']]);
    socket.emit(incidentEvent('4'));
    frame();
    expect(batches.map((b) => b.map((e) => e.id))).toEqual([['1', '2', '3'], ['4']]);
  });

  it('drops event ids it has already seen, within a frame and across frames', () => {
    const { socket, batches, frame } = setup();
    socket.emit(incidentEvent('7'));
    socket.emit(incidentEvent('7'));
    frame();
    socket.emit(incidentEvent('7')); // replayed after a reconnect
    socket.emit(incidentEvent('8'));
    frame();
    expect(batches.flat().map((e) => e.id)).toEqual(['7', '8']);
  });

  it('remembers a bounded number of ids so memory stays flat', () => {
    const { socket, batches, frame } = setup({ seenLimit: 2 });
    for (const id of ['1', '2', '3']) socket.emit(incidentEvent(id));
    frame();
    socket.emit(incidentEvent('1')); // forgotten: the oldest of three with room for two
    socket.emit(incidentEvent('3')); // still remembered
    frame();
    expect(batches.flat().map((e) => e.id)).toEqual(['1', '2', '3', '1']);
  });

  it('tracks the highest event id, comparing as big integers, not strings', () => {
    const { store, socket, frame } = setup();
    socket.emit(incidentEvent('9'));
    socket.emit(incidentEvent('10'));
    socket.emit(incidentEvent('8')); // late, out of order
    frame();
    expect(store.getState().lastEventId).toBe('10');
  });

  it('never resumes from a pushed summary: its id may be newer than log events still on their way', () => {
    const { store, socket, frame } = setup();
    store.start();
    socket.open();
    socket.emit(incidentEvent('41'));
    // metrics.updated takes a fresh id from the log's sequence; events 42… may not have arrived yet.
    const summary = { ...incidentEvent('50'), type: 'metrics.updated' } as unknown as AnyLiveEvent;
    socket.emit(summary);
    frame();
    expect(store.getState().lastEventId).toBe('41');
    socket.drop();
    socket.retry();
    expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok', lastEventId: '41' });
  });

  it('sends the newest lastEventId on every reconnection attempt', () => {
    const { store, socket, frame } = setup();
    store.start();
    expect(socket.sentAuth[0]).toEqual({ token: 'tok' });
    socket.open();
    socket.emit(incidentEvent('41'));
    socket.emit(incidentEvent('42'));
    frame();
    socket.drop();
    socket.retry();
    expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok', lastEventId: '42' });
  });

  it('goes live → reconnecting → offline, and live again on reconnect', () => {
    jest.useFakeTimers();
    const { store, socket } = setup();
    const seen: string[] = [];
    store.subscribeState(() => seen.push(store.getState().status));
    store.start();
    socket.open();
    socket.drop();
    jest.advanceTimersByTime(999);
    expect(store.getState().status).toBe('reconnecting');
    jest.advanceTimersByTime(1);
    expect(store.getState().status).toBe('offline');
    socket.retry();
    expect(seen).toEqual(['live', 'reconnecting', 'offline', 'live']);
  });

  it('reconnects by itself after the server closed the socket', () => {
    jest.useFakeTimers();
    const { store, socket, frame } = setup();
    store.start();
    socket.open();
    socket.emit(incidentEvent('5'));
    frame();
    socket.drop(false); // socket.io will not retry a server-side disconnect
    jest.advanceTimersByTime(500);
    expect(socket.connects).toBe(2);
    expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok', lastEventId: '5' });
  });

  it('after an API process shut down (its transport dropped), lets socket.io reconnect and resumes', async () => {
    jest.useFakeTimers();
    const refreshToken = jest.fn(() => Promise.resolve<string | null>('tok2'));
    const { store, socket, frame } = setup({ refreshToken });
    store.start();
    socket.open();
    socket.emit(incidentEvent('21'));
    frame();
    store.renewToken('tok3');
    socket.drop(true); // 'transport close': socket.io retries by itself, to whichever process answers
    await jest.advanceTimersByTimeAsync(5000);
    // No second connect of the store's own racing socket.io's, and the session is left alone.
    expect(socket.connects).toBe(1);
    expect(refreshToken).not.toHaveBeenCalled();
    socket.retry();
    expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok3', lastEventId: '21' });
    expect(store.getState().status).toBe('live');
  });

  it('after replay.truncated, asks for a resync and resumes from the server’s newest id', () => {
    const { store, socket, frame } = setup();
    const resyncs: number[] = [];
    store.subscribeResync(() => resyncs.push(resyncs.length));
    store.start();
    socket.open();
    socket.emit(incidentEvent('5'));
    frame();
    socket.drop();
    socket.retry();
    expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok', lastEventId: '5' });
    socket.truncateReplay({ lastEventId: '900', reason: 'count' });
    expect(resyncs).toHaveLength(1);
    expect(store.getState()).toMatchObject({ status: 'live', lastEventId: '900' });
    // The next reconnect does not ask for the skipped gap again.
    socket.drop();
    socket.retry();
    expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok', lastEventId: '900' });
  });

  describe('access-token renewal', () => {
    const flush = () => new Promise((r) => setTimeout(r, 0));

    it('hands a renewed token to the open socket without reconnecting', async () => {
      const { store, socket } = setup();
      store.start();
      socket.open();
      store.renewToken('tok2');
      await flush();
      expect(socket.renewals).toEqual(['tok2']);
      expect(socket.connects).toBe(1);
      // A later reconnect (say, a network drop) presents the new token.
      socket.drop();
      socket.retry();
      expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok2' });
    });

    it('keeps a token renewed while disconnected for the next handshake', () => {
      const { store, socket } = setup();
      store.start();
      store.renewToken('tok2');
      expect(socket.renewals).toEqual([]);
      socket.retry();
      expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok2' });
    });

    it('after a refused renewal, refreshes and reconnects with the new token, resuming from lastEventId', async () => {
      const refreshToken = jest.fn(() => Promise.resolve<string | null>('tok3'));
      const { store, socket, frame } = setup({ refreshToken });
      store.start();
      socket.open();
      socket.emit(incidentEvent('12'));
      frame();
      socket.renewAnswer = { ok: false, error: 'unauthorized' };
      store.renewToken('tok2');
      await flush();
      expect(refreshToken).toHaveBeenCalledTimes(1);
      expect(socket.connects).toBe(2);
      expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok3', lastEventId: '12' });
    });

    it("after a handshake refused as 'unauthorized', refreshes first, then reconnects", async () => {
      jest.useFakeTimers();
      const refreshToken = jest.fn(() => Promise.resolve<string | null>('tok2'));
      const { store, socket } = setup({ refreshToken });
      store.start();
      socket.open();
      socket.drop(false); // the server closed it (the access token expired while the tab slept)
      jest.advanceTimersByTime(500);
      expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok' });
      socket.refuse('unauthorized');
      await jest.advanceTimersByTimeAsync(0);
      expect(refreshToken).toHaveBeenCalledTimes(1);
      expect(socket.connects).toBe(3);
      expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok2' });
      // The store's own retry timer did not fire a second, racing connect.
      await jest.advanceTimersByTimeAsync(5000);
      expect(socket.connects).toBe(3);
    });

    it('stops reconnecting once the session has ended (the refresh answers null)', async () => {
      jest.useFakeTimers();
      const refreshToken = jest.fn(() => Promise.resolve<string | null>(null));
      const { store, socket } = setup({ refreshToken });
      store.start();
      socket.refuse('unauthorized');
      await jest.advanceTimersByTimeAsync(10_000);
      expect(socket.connects).toBe(1);
      expect(store.getState().status).not.toBe('live');
    });

    it('retries other refusals after a pause, without refreshing', async () => {
      jest.useFakeTimers();
      const refreshToken = jest.fn(() => Promise.resolve<string | null>('tok2'));
      const { store, socket } = setup({ refreshToken });
      store.start();
      socket.refuse('handshake failed');
      socket.refuse('websocket error', true); // socket.io retries these itself
      await jest.advanceTimersByTimeAsync(500);
      expect(refreshToken).not.toHaveBeenCalled();
      expect(socket.connects).toBe(2);
    });

    it('keeps the socket and the session when the server cannot check a renewal now, and asks again later', async () => {
      jest.useFakeTimers();
      const refreshToken = jest.fn(() => Promise.resolve<string | null>('tok3'));
      const { store, socket } = setup({ refreshToken });
      store.start();
      socket.open();
      socket.renewAnswer = { ok: false, error: 'unavailable' }; // the server's database is down
      store.renewToken('tok2');
      await jest.advanceTimersByTimeAsync(0);
      // Neither a token problem nor a lost connection: no refresh (which could end the session),
      // no reconnect, and the indicator stays green.
      expect(refreshToken).not.toHaveBeenCalled();
      expect(socket.closes).toBe(0);
      expect(store.getState().status).toBe('live');
      await jest.advanceTimersByTimeAsync(5000);
      expect(socket.renewals).toEqual(['tok2', 'tok2']);
      socket.renewAnswer = { ok: true, expiresAt: '2026-01-01T00:30:00.000Z' };
      await jest.advanceTimersByTimeAsync(5000);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(socket.renewals).toEqual(['tok2', 'tok2', 'tok2']);
      expect(refreshToken).not.toHaveBeenCalled();
      expect(socket.connects).toBe(1);
      expect(store.getState().status).toBe('live');
    });

    it('stops asking again once the socket is gone: the next handshake carries the token', async () => {
      jest.useFakeTimers();
      const { store, socket } = setup();
      store.start();
      socket.open();
      socket.renewAnswer = { ok: false, error: 'unavailable' };
      store.renewToken('tok2');
      await jest.advanceTimersByTimeAsync(0);
      socket.drop(true);
      await jest.advanceTimersByTimeAsync(20_000);
      expect(socket.renewals).toEqual(['tok2']);
      socket.retry();
      expect(socket.sentAuth.at(-1)).toEqual({ token: 'tok2' });
    });

    it('does not let a server that refuses every token drive a refresh loop', async () => {
      jest.useFakeTimers();
      const refreshToken = jest.fn(() => Promise.resolve<string | null>('again'));
      const { store, socket } = setup({ refreshToken });
      store.start();
      for (let i = 0; i < 20; i++) {
        socket.refuse('unauthorized');
        await jest.advanceTimersByTimeAsync(50);
      }
      // 1 s of refusals, one refresh per 500 ms retry pause at most.
      expect(refreshToken.mock.calls.length).toBeLessThanOrEqual(3);
    });
  });
});
