import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const inFullscreen = () => document.fullscreenElement !== null && document.fullscreenElement !== undefined;

/**
 * Puts the wall into full screen (Fullscreen API). Hidden while in full screen, where the browser
 * itself offers Esc to leave, and where the API is not available (some kiosk browsers are full
 * screen already). A reload leaves full screen — browsers require a click to enter it — but not
 * the session: the wall comes back signed in, one click from full screen again.
 */
export function FullscreenButton() {
  const { t } = useTranslation();
  const [full, setFull] = useState(inFullscreen);
  useEffect(() => {
    const onChange = () => setFull(inFullscreen());
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (full || !document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className="wall-fullscreen"
      data-testid="wall-fullscreen"
      title={t('wallPlus.fullscreen.enterTitle')}
      // A refusal (no user gesture, a policy) leaves the wall as it was: nothing to report.
      onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
    >
      {t('wallPlus.fullscreen.enter')}
    </button>
  );
}
