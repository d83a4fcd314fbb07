import { createSocket } from './socket';

/** Just enough of a socket.io client socket to fire its 'disconnect' with a reason. */
class MockIoSocket {
  auth: unknown = {};
  readonly io = { on: () => undefined };
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, handler: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

let mockSocket = new MockIoSocket();
jest.mock('socket.io-client', () => ({ io: () => mockSocket }));

/** Whether the store is told socket.io will reconnect by itself after a disconnect for `reason`. */
function willReconnectAfter(reason: string): boolean | undefined {
  mockSocket = new MockIoSocket();
  let told: boolean | undefined;
  createSocket({ token: 'tok' }).onDisconnect((willReconnect) => (told = willReconnect));
  mockSocket.fire('disconnect', reason);
  return told;
}

describe('createSocket', () => {
  it.each(['transport close', 'transport error', 'ping timeout'])(
    "leaves reconnecting to socket.io after a lost transport ('%s'), as when an API process shuts down",
    (reason) => {
      expect(willReconnectAfter(reason)).toBe(true);
    },
  );

  it.each(['io server disconnect', 'io client disconnect'])(
    "reports that socket.io will not retry after '%s'",
    (reason) => {
      expect(willReconnectAfter(reason)).toBe(false);
    },
  );
});
