import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useSession } from '../api/SessionProvider';
import { LanguageToggle } from '../views/common/LanguageToggle';
import { ROLE_HOME } from './role-home';

export function LoginPage() {
  const { t } = useTranslation();
  const { session, login } = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={ROLE_HOME[session.user.role]} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await login({ username, password });
      await navigate(ROLE_HOME[next.user.role], { replace: true });
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
