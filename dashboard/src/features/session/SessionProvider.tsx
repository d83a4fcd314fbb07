import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, UserView } from '@whistle/shared';
import { authSession, type SessionState } from '../../lib/api/auth-session';

/** What signed-in views use: who is signed in and a token (API calls always send the newest one). */
export interface Session {
  readonly token: string;
  readonly user: UserView;
}

interface SessionContextValue {
  state: SessionState;
  /** Set once signed in, and not while a password change is owed. */
  session: Session | null;
  login: (request: LoginRequest) => Promise<SessionState>;
  logout: () => void;
  logoutEverywhere: () => Promise<void>;
  changePassword: (request: ChangePasswordRequest) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const actions = {
  login: (request: LoginRequest) => authSession.login(request),
  logout: () => void authSession.logout(),
  logoutEverywhere: () => authSession.logoutEverywhere(),
  changePassword: (request: ChangePasswordRequest) => authSession.changePassword(request),
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(authSession.subscribe, authSession.getState);
  const queryClient = useQueryClient();

  // A reload finds its session again through the refresh cookie.
  useEffect(() => authSession.restore(), []);

  // Cached data belongs to the user who left; the next one must not see it. After the render that
  // took the views away, so no mounted query refetches into the emptied cache.
  useEffect(() => {
    if (state.status === 'signed-out') queryClient.clear();
  }, [state.status, queryClient]);

  const value = useMemo<SessionContextValue>(() => {
    const { user } = state;
    const session =
      state.status === 'signed-in' && user && !state.mustChangePassword
        ? {
            user,
            // Read when used: the token is renewed without re-rendering every view.
            get token() {
              return authSession.currentToken() ?? '';
            },
          }
        : null;
    return { state, session, ...actions };
  }, [state]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For views behind RequireAuth, where a session always exists. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
