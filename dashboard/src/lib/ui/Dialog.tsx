import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  submitting?: boolean;
  submitTestId?: string;
  children: ReactNode;
  wide?: boolean;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal form: focus moves into it and stays (Tab cycles), Escape cancels, Enter in a field
 * submits, and focus returns to whatever opened it — usable without a mouse.
 */
export function Dialog(props: DialogProps) {
  const { t } = useTranslation();
  const panel = useRef<HTMLFormElement>(null);
  const { onClose } = props;

  // Escape cancels wherever focus is (a re-render may have dropped it to the body).
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [onClose]);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>(
      'input:not([type=hidden]), select, textarea, button',
    );
    first?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        className={`dialog${props.wide ? ' dialog--wide' : ''}`}
        onKeyDown={onKeyDown}
        onSubmit={submit}
        noValidate
      >
        <h2 className="dialog__title">{props.title}</h2>
        <div className="dialog__body">{props.children}</div>
        <div className="dialog__buttons">
          <button type="button" onClick={onClose}>
            {t('desk.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={props.submitting}
            data-testid={props.submitTestId}
          >
            {props.submitting ? t('desk.submitting') : props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
