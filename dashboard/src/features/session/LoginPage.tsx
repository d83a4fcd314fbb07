import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/client';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import type { ReturnState } from './RequireAuth';
import { ROLE_HOME } from './role-home';
import { useSession } from './SessionProvider';
import { SessionRestoring } from './SessionRestoring';

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Whose session ended (read once: signing in clears it). Only they go back to where they were;
  // anyone else signing in at this PC lands on their own view.
  const [endedFor] = useState(() => state.ended?.userId ?? null);

  if (state.status === 'restoring') return <SessionRestoring />;
  if (state.status === 'signed-in' && state.user) {
    const from = (location.state as ReturnState | null)?.from;
    const back = from && endedFor === state.user.id ? from : undefined;
    if (state.mustChangePassword) {
      return <Navigate to="/password" replace state={{ from: back } satisfies ReturnState} />;
    }
    return <Navigate to={back ?? ROLE_HOME[state.user.role]} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username, password });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.failed') : t('login.error'));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)}>
        <h1>{t('app.title')}</h1>
        <h2>{t('login.heading')}</h2>
        {state.ended && (
          <p className="login__notice" role="status" data-testid="session-ended">
            {t('session.ended')}
          </p>
        )}
        <label>
          {t('login.username')}
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <LanguageToggle />
      </form>
    </main>
  );
}
