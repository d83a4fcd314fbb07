import type { UserView } from '@whistle/shared';
import { authSession } from '../lib/api/auth-session';

/**
 * Starts a component test signed in as `user`. The token lives in memory, as in the app; no expiry
 * is given, so no refresh is scheduled behind the test's back.
 */
export function signInForTest(user: UserView, token = 't1'): void {
  authSession.reset();
  authSession.accept({ accessToken: token, accessTokenExpiresAt: '', user, mustChangePassword: false });
}

/** A fresh page in a browser that still holds a refresh cookie from before: the app restores it. */
export function startWithSessionCookie(): void {
  authSession.reset(true);
}
