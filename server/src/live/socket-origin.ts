import type { IncomingMessage } from 'node:http';

/**
 * Whether a socket.io handshake may proceed. Browsers apply no CORS to WebSockets, so the Origin
 * header is checked here: a page on this host or on an allowed origin (CORS_ORIGINS) may connect; a
 * client that sends no Origin (a service, the simulator) is no browser page and is judged by its
 * token alone. Only the hostname is compared with Host, because a proxy may forward Host without
 * its port (nginx's `$host`).
 */
export function socketOriginAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = req.headers.host;
  if (host === undefined) return false;
  try {
    return new URL(origin).hostname === new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
}
