import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../lib/api/client';
import { deskUser, renderSignedIn } from '../../test/render';
import { ReasonDialog } from './ReasonDialog';

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
