import { fireEvent, screen, waitFor } from '@testing-library/react';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { OversightBar } from './OversightBar';
import { dispatchView } from '../../test/factories';

const overdue = dispatchView({ id: 'a', overdueStages: ['accept'] });

const departments = [
  { id: 'dep1', nameZh: '城管局', nameEn: 'Urban management' },
  { id: 'dep2', nameZh: '市场监管局', nameEn: 'Market regulation' },
];

function posts(calls: jest.Mock) {
  return (calls.mock.calls as [string, RequestInit | undefined][])
    .filter(([, init]) => init?.method === 'POST')
    .map(([url, init]) => ({
      path: new URL(url, 'http://localhost').pathname,
      body: JSON.parse(init?.body as string) as unknown,
      key: new Headers(init?.headers).get('Idempotency-Key'),
    }));
}

describe('OversightBar', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends a 督办 note to the dispatch, retry-safe', async () => {
    const calls = fakeFetch((method, path) =>
      method === 'POST' && path === '/api/dispatches/a/supervise' ? [201, { dispatchId: 'a' }] : undefined,
    );
    renderSignedIn(<OversightBar dispatch={overdue} />, deskUser('district_operator'));
    fireEvent.click(screen.getByTestId('desk-supervise'));
    fireEvent.change(screen.getByRole('textbox', { name: /督办意见/ }), { target: { value: '请立即接单' } });
    fireEvent.click(screen.getByRole('button', { name: '发送督办' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(calls)).toEqual([
      {
        path: '/api/dispatches/a/supervise',
        body: { note: '请立即接单' },
        key: expect.any(String) as string,
      },
    ]);
  });

  it('reassigns to the chosen department, saying beside the field when none is chosen', async () => {
    const calls = fakeFetch((method, path) => {
      if (path === '/api/departments') return [200, departments];
      if (method === 'POST' && path === '/api/dispatches/a/reassign') return [201, {}];
      return undefined;
    });
    renderSignedIn(<OversightBar dispatch={overdue} />, deskUser('district_operator'));
    fireEvent.click(screen.getByTestId('desk-reassign'));
    fireEvent.click(screen.getByTestId('reassign-submit'));
    expect(screen.getByTestId('reassign-department-field').textContent).toContain('请选择改派部门');
    // The dispatch's own department is not offered.
    await screen.findByRole('option', { name: '市场监管局' });
    expect(screen.queryByRole('option', { name: '城管局' })).toBeNull();
    fireEvent.change(screen.getByTestId('reassign-department'), { target: { value: 'dep2' } });
    fireEvent.click(screen.getByTestId('reassign-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts(calls)).toEqual([
      {
        path: '/api/dispatches/a/reassign',
        body: { departmentId: 'dep2' },
        key: expect.any(String) as string,
      },
    ]);
  });

  it('offers only the standing register for a finished dispatch', () => {
    fakeFetch(() => undefined);
    renderSignedIn(
      <OversightBar dispatch={{ ...overdue, status: 'verified' }} />,
      deskUser('district_operator'),
    );
    expect(screen.queryByTestId('desk-supervise')).toBeNull();
    expect(screen.queryByTestId('desk-escalate')).toBeNull();
    expect(screen.queryByTestId('desk-reassign')).toBeNull();
    expect(screen.getByTestId('desk-standing')).toBeTruthy();
  });
});
