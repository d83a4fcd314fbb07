import { fireEvent, screen, waitFor } from '@testing-library/react';
import { deskUser, renderSignedIn } from '../../test/render';
import { ResolveDialog } from './ResolveDialog';

describe('resolve dialog', () => {
  beforeEach(() => sessionStorage.clear());

  it('requires a note and passes the chosen photos along', async () => {
    const onSubmit = jest.fn((_note: string, _photos: File[]) => Promise.resolve());
    const onClose = jest.fn();
    renderSignedIn(<ResolveDialog onClose={onClose} onSubmit={onSubmit} />, deskUser('dept_officer'));
    fireEvent.click(screen.getByTestId('resolve-submit'));
    expect(screen.getByText('必填')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByRole('textbox', { name: /办结情况/ }), { target: { value: '已清理完毕' } });
    const photo = new File(['x'], 'after.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText(/办结照片/), { target: { files: [photo] } });
    fireEvent.click(screen.getByTestId('resolve-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('已清理完毕', [photo]);
  });

  it('refuses a file type the server would answer 415 for', () => {
    const onSubmit = jest.fn(() => Promise.resolve());
    renderSignedIn(<ResolveDialog onClose={jest.fn()} onSubmit={onSubmit} />, deskUser('dept_officer'));
    fireEvent.change(screen.getByRole('textbox', { name: /办结情况/ }), { target: { value: '已清理完毕' } });
    const pdf = new File(['x'], 'a.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText(/办结照片/), { target: { files: [pdf] } });
    fireEvent.click(screen.getByTestId('resolve-submit'));
    expect(screen.getByText('只支持 JPEG、PNG、WebP 格式')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
