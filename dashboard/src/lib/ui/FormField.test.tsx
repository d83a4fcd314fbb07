import { render, screen } from '@testing-library/react';
import { ApiError } from '../api/api-error';
import { fieldErrorsOf, FormField } from './FormField';

describe('FormField', () => {
  it('takes field messages from a refusal that names fields (400, 409, 422) only', () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'invalid',
      fields: { username: ['too short'] },
    };
    expect(fieldErrorsOf(new ApiError(400, body))).toEqual({ username: ['too short'] });
    expect(fieldErrorsOf(new ApiError(409, { ...body, statusCode: 409 }))).toEqual({
      username: ['too short'],
    });
    expect(fieldErrorsOf(new ApiError(422, { ...body, statusCode: 422 }))).toEqual({
      username: ['too short'],
    });
    expect(fieldErrorsOf(new ApiError(403, { ...body, statusCode: 403 }))).toEqual({});
    expect(fieldErrorsOf(new Error('offline'))).toEqual({});
  });

  it('shows its errors beside the field and marks it invalid', () => {
    render(
      <FormField label="账号" errors={['too short']} hint="hidden while invalid">
        <input />
      </FormField>,
    );
    expect(screen.getByRole('alert').textContent).toBe('too short');
    expect(screen.queryByText('hidden while invalid')).toBeNull();
    expect(screen.getByText('账号').closest('label')?.className).toContain('form-field--invalid');
  });
});
