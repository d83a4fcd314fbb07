import type { LiveSocket } from './live-socket';

/** setTimeout's longest delay; a token never lives this long, but a bad clock must not fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Closes the socket when its token expires. Renewing the token moves the deadline; the client then
 * reconnects with a fresh token and resumes from its last event id.
 */
export function armExpiry(socket: LiveSocket, expiresAt: Date): void {
  clearExpiry(socket);
  socket.data.expiresAt = expiresAt;
  const delay = Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_DELAY_MS);
  socket.data.expiryTimer = setTimeout(() => socket.disconnect(true), delay);
}

export function clearExpiry(socket: LiveSocket): void {
  if (socket.data.expiryTimer) clearTimeout(socket.data.expiryTimer);
  socket.data.expiryTimer = undefined;
}
