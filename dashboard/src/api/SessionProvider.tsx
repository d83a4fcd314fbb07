import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse } from '@whistle/shared';
import { apiRequest, setUnauthorizedHandler } from './client';
import { clearSession, loadSession, saveSession, type Session } from './session';

interface SessionContextValue {
  session: Session | null;
  login: (request: LoginRequest) => Promise<Session>;
  logout: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const queryClient = useQueryClient();

  const logout = useCallback(() => {
    clearSession();
    // Cached data belongs to the user who leaves; the next one must not see it.
    queryClient.clear();
    setSession(null);
  }, [queryClient]);

  const login = useCallback(async (request: LoginRequest) => {
    const answer = await apiRequest<LoginResponse>('/auth/login', {
      token: null,
      method: 'POST',
      body: request,
    });
    const next: Session = { token: answer.accessToken, user: answer.user };
    saveSession(next);
    setSession(next);
    return next;
  }, []);

  useEffect(() => setUnauthorizedHandler(logout), [logout]);

  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
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
