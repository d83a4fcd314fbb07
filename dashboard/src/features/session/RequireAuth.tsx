import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './SessionProvider';
import { SessionRestoring } from './SessionRestoring';

/** Where a page sent to the login page (or the password change) wanted to be. */
export interface ReturnState {
  from?: string;
}

/**
 * Views need a session: the login page otherwise, remembering where the visitor wanted to go, and
 * the password change first when one is owed.
 */
export function RequireAuth({ children, passwordChange }: { children: ReactNode; passwordChange?: boolean }) {
  const { state } = useSession();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  if (state.status === 'restoring') return <SessionRestoring />;
  if (state.status === 'signed-out') {
    const wanted: ReturnState = { from: passwordChange ? undefined : from };
    return <Navigate to="/login" replace state={wanted} />;
  }
  if (state.mustChangePassword && !passwordChange) {
    return <Navigate to="/password" replace state={{ from } satisfies ReturnState} />;
  }
  return <>{children}</>;
}
