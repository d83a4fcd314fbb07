import { useTranslation } from 'react-i18next';
import { describeApiError } from './describe-api-error';

/** The API's answer to a failed action, in the user's language, inside the dialog that sent it. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { headline, details } = describeApiError(t, error);
  return (
    <div className="error-box" role="alert">
      <strong>{headline}</strong>
      {details.length > 0 && (
        <ul>
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
