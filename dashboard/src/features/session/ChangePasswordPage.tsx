import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/client';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { passwordProblemText } from './password-problems';
import type { ReturnState } from './RequireAuth';
import { ROLE_HOME } from './role-home';
import { useSession } from './SessionProvider';

type Field = 'currentPassword' | 'newPassword' | 'repeat';
type Problems = Partial<Record<Field, string[]>>;

/**
 * 修改密码: owed after an administrator's reset (before any view opens), or chosen from the user
 * menu. The server's policy decides; its field messages are shown beside their fields.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { state, changePassword, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    repeat: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = state.mustChangePassword;
  const role = state.user?.role;
  const onward = (location.state as ReturnState | null)?.from ?? (role ? ROLE_HOME[role] : '/');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (values.newPassword !== values.repeat) {
      setProblems({ repeat: [t('password.problems.repeat')] });
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      await navigate(onward, { replace: true });
    } catch (err) {
      setBusy(false);
      const fields = err instanceof ApiError && err.status === 400 ? err.body?.fields : undefined;
      if (fields?.currentPassword || fields?.newPassword) {
        setProblems({
          currentPassword: fields.currentPassword?.map((m) => passwordProblemText(t, m)),
          newPassword: fields.newPassword?.map((m) => passwordProblemText(t, m)),
        });
      } else {
        setError(t('password.error'));
      }
    }
  };

  const input = (field: Field, label: string, autoComplete: string) => {
    const messages = problems[field] ?? [];
    const inputId = `password-${field}`;
    const hintId = `${inputId}-problems`;
    // The messages sit beside the field, outside its label, so the label stays the field's name.
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="password"
          name={field}
          value={values[field]}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          autoComplete={autoComplete}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length > 0 ? hintId : undefined}
          required
        />
        {messages.length > 0 && (
          <span className="field-problems error" id={hintId} data-testid={hintId}>
            {messages.join('；')}
          </span>
        )}
      </div>
    );
  };

  return (
    <main className="login" data-testid="view-password">
      <form className="login__card" onSubmit={(e) => void submit(e)}>
        <h1>{t('app.title')}</h1>
        <h2>{t('password.heading')}</h2>
        {forced && (
          <p className="login__notice" role="status">
            {t('password.required')}
          </p>
        )}
        {input(
          'currentPassword',
          forced ? t('password.temporary') : t('password.current'),
          'current-password',
        )}
        {input('newPassword', t('password.new'), 'new-password')}
        {input('repeat', t('password.repeat'), 'new-password')}
        <p className="muted login__hint">{t('password.policy')}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('password.saving') : t('password.submit')}
        </button>
        {forced ? (
          <button type="button" onClick={logout}>
            {t('userMenu.logout')}
          </button>
        ) : (
          <button type="button" onClick={() => void navigate(onward, { replace: true })}>
            {t('password.cancel')}
          </button>
        )}
        <LanguageToggle />
      </form>
    </main>
  );
}
