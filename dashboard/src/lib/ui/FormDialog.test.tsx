import { screen } from '@testing-library/react';
import { deskUser, renderSignedIn } from '../../test/render';
import { ApiError } from '../api/api-error';
import { FormDialog } from './FormDialog';

const refused = new ApiError(400, {
  statusCode: 400,
  error: 'Bad Request',
  message: 'invalid',
  fields: { name: ['name must be shorter'] },
});

function open(props: { error: unknown; fieldErrors?: Record<string, string[]>; submitting?: boolean }) {
  renderSignedIn(
    <FormDialog
      title="签发密钥"
      onClose={() => undefined}
      onSubmit={() => undefined}
      submitLabel="签发"
      submitTestId="form-submit"
      {...props}
    >
      <input aria-label="名称" />
    </FormDialog>,
    deskUser('admin'),
  );
}

describe('FormDialog', () => {
  it('shows a failed send under the fields', () => {
    open({ error: refused });
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('leaves the headline out when the messages already stand beside their fields', () => {
    open({ error: refused, fieldErrors: { name: ['name must be shorter'] } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the headline when the field messages are empty, and disables submit while sending', () => {
    open({ error: new Error('offline'), fieldErrors: {}, submitting: true });
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('form-submit').disabled).toBe(true);
  });
});
