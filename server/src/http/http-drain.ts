import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Lets an HTTP server stop behind a load balancer without failing anyone. Call at start-up (it
 * keeps track of the answers in flight); the function it returns, at shutdown:
 * - closes the listener, so new connections are refused and the balancer sends them elsewhere;
 * - closes idle keep-alive connections, and has every answer still to go out say `Connection:
 *   close`, so no further request arrives on a connection already open;
 * - resolves once the requests in flight have been answered and their connections are gone.
 * (Upgraded connections — the live sockets — are closed by their own server.)
 */
export function drainable(server: Server): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) closeAfter(res);
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining) server.closeIdleConnections();
    });
  });
  return () =>
    new Promise<void>((resolve) => {
      draining = true;
      inFlight.forEach(closeAfter);
      // Also closes the connections idle right now; it answers with an error when it was not listening.
      server.close(() => resolve());
    });
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}
