import './file-picker.css';

interface FilePickerProps {
  accept: string;
  /** The chosen file's name; null shows `emptyLabel`. */
  fileName: string | null;
  buttonLabel: string;
  emptyLabel: string;
  disabled?: boolean;
  testId?: string;
  onChange: (file: File | undefined) => void;
}

/**
 * A file input that speaks the UI's language: the browser's own button says "Choose File" in the
 * browser's language whatever the page's. The real input stays in the page (visually hidden), so
 * the surrounding FormField label opens it, keyboards reach it and tests can set its files.
 */
export function FilePicker({
  accept,
  fileName,
  buttonLabel,
  emptyLabel,
  disabled,
  testId,
  onChange,
}: FilePickerProps) {
  return (
    <span className={`file-picker${disabled ? ' file-picker--disabled' : ''}`}>
      <input
        type="file"
        className="file-picker__input"
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.files?.[0])}
      />
      <span className="file-picker__button" aria-hidden="true">
        {buttonLabel}
      </span>
      <span className={`file-picker__name${fileName ? '' : ' file-picker__name--empty'}`}>
        {fileName ?? emptyLabel}
      </span>
    </span>
  );
}
