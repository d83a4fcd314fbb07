import { Dialog, type DialogProps } from './Dialog';
import { ErrorBox } from './ErrorBox';

interface FormDialogProps extends DialogProps {
  /** The failed send's error, shown under the fields; the dialog stays open so the user can retry. */
  error: unknown;
  /**
   * The error's messages already shown beside their fields: when there are any, the headline box
   * under the form stays hidden rather than saying the same thing twice.
   */
  fieldErrors?: Readonly<Record<string, readonly string[]>>;
}

/** A dialog that sends a form: the fields, then the API's answer to a failed send, then cancel and submit. */
export function FormDialog({ error, fieldErrors, children, ...dialog }: FormDialogProps) {
  const besideFields = fieldErrors !== undefined && Object.keys(fieldErrors).length > 0;
  return (
    <Dialog {...dialog}>
      {children}
      {!besideFields && <ErrorBox error={error} />}
    </Dialog>
  );
}
