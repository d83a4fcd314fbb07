import { FakeSocket, incidentEvent } from '../test/fake-socket';
import { LiveStore } from './live-store';
import type { AnyLiveEvent } from './types';

function setup(options: { seenLimit?: number } = {}) {
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
});
