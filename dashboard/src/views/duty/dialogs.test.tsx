import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/client';
import { deskUser, renderSignedIn } from '../desk/desk-test-utils';
import { checkVerify } from '../desk/VerifyDialog';
import { ReasonDialog } from './ReasonDialog';
import { ResolveDialog } from './ResolveDialog';
import { checkPhotos, checkText } from './validation';

describe('reject dialog', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  function open(onSubmit: (reason: string) => Promise<unknown>) {
    const onClose = jest.fn();
    renderSignedIn(
      <ReasonDialog
        title="退回派单"
        label="退回原因"
        submitLabel="退回"
        onClose={onClose}
        onSubmit={onSubmit}
      />,
      deskUser('dept_officer'),
    );
    return onClose;
  }

  it('requires a reason before sending', () => {
    const onSubmit = jest.fn(() => Promise.resolve());
    open(onSubmit);
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(screen.getByText('必填')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /退回原因/ }), { target: { value: '甲' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(screen.getByText('至少 2 个字')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('inserts a reply template and sends the trimmed reason', async () => {
    const onSubmit = jest.fn(() => Promise.resolve());
    const onClose = open(onSubmit);
    fireEvent.click(screen.getByRole('button', { name: '不属于本部门职责范围' }));
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('不属于本部门职责范围');
  });

  it('shows a 409 with the current state and allowed actions in Chinese, and stays open', async () => {
    const conflict = new ApiError(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'Cannot reject a dispatch that is accepted',
      currentStatus: 'accepted',
      allowedActions: ['arrive'],
    });
    const onClose = open(() => Promise.reject(conflict));
    fireEvent.change(screen.getByRole('textbox', { name: /退回原因/ }), { target: { value: '人手不足' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(await screen.findByText('当前状态为「已接单」，不允许该操作')).toBeTruthy();
    expect(screen.getByText('当前可执行：报到')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes on Escape', () => {
    const onClose = open(() => Promise.resolve());
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

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

describe('validation rules', () => {
  it('checks texts against the server’s limits', () => {
    expect(checkText('  ', 2, 10)).toBe('required');
    expect(checkText('a', 2, 10)).toBe('tooShort');
    expect(checkText('a'.repeat(11), 2, 10)).toBe('tooLong');
    expect(checkText(' ok ', 2, 10)).toBeNull();
  });

  it('checks photos by count, type and size', () => {
    const jpeg = { type: 'image/jpeg', size: 1000 };
    expect(checkPhotos([jpeg])).toBeNull();
    expect(checkPhotos(Array.from({ length: 10 }, () => jpeg))).toBe('tooMany');
    expect(checkPhotos([{ type: 'image/jpeg', size: 11 * 1024 * 1024 }])).toBe('tooLarge');
  });

  it('needs stars to pass a department’s work and a reason to fail it', () => {
    expect(checkVerify(true, 0, '', true)).toBe('rating');
    expect(checkVerify(true, 4, '', true)).toBeNull();
    expect(checkVerify(true, 0, '', false)).toBeNull();
    expect(checkVerify(false, 0, ' ', true)).toBe('reason');
    expect(checkVerify(false, 0, '仍有摊位', true)).toBeNull();
  });
});
