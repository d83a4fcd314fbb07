import type { UserView } from '@whistle/shared';

/**
 * The signed-in session. sessionStorage (not localStorage) so a wall-screen tab keeps its login
 * across reloads while a closed browser forgets it — command-centre PCs are shared.
 */
export interface Session {
  token: string;
  user: UserView;
}

const KEY = 'whistle.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
