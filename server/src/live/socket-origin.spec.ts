import type { IncomingMessage } from 'node:http';
import { socketOriginAllowed } from './socket-origin';

const handshake = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('socket.io origin check', () => {
  it('admits clients that are no browser page (no Origin)', () => {
    expect(socketOriginAllowed(handshake({ host: '127.0.0.1:3000' }), [])).toBe(true);
  });

  it('admits a page from this host, also when a proxy forwards Host without the port', () => {
    expect(
      socketOriginAllowed(handshake({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), []),
    ).toBe(true);
    expect(
      socketOriginAllowed(handshake({ host: 'whistle.local', origin: 'http://whistle.local:8080' }), []),
    ).toBe(true);
  });

  it('refuses a page from another origin unless it is allowed', () => {
    const foreign = handshake({ host: '127.0.0.1:3000', origin: 'https://evil.example' });
    expect(socketOriginAllowed(foreign, [])).toBe(false);
    expect(socketOriginAllowed(foreign, ['https://wall.example.org'])).toBe(false);
    expect(socketOriginAllowed(foreign, ['https://evil.example'])).toBe(true);
    expect(socketOriginAllowed(handshake({ host: '127.0.0.1:3000', origin: 'null' }), [])).toBe(false);
    expect(socketOriginAllowed(handshake({ origin: 'https://evil.example' }), [])).toBe(false);
  });
});
