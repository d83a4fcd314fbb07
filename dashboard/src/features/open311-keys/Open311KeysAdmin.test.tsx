import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { Open311KeysAdmin } from './Open311KeysAdmin';

const SECRET = 'w311_sEcReT-ONLY-ONCE-1234567890';

function setup() {
  const keys: Open311ApiKeyView[] = [];
  const fetchMock = fakeFetch((method, path, body) => {
    if (method === 'GET' && path === '/api/open311-keys') return [200, keys];
    if (method === 'POST' && path === '/api/open311-keys') {
      const { name } = body as { name: string };
      if (!name) {
        return [
          400,
          { statusCode: 400, error: 'Bad Request', message: 'x', fields: { name: ['name must be longer'] } },
        ];
      }
      const view: Open311ApiKeyView = {
        id: 'k1',
        name,
        prefix: 'w311_sEc',
        rateLimitPerMinute: null,
        createdById: 'u1',
        createdAt: '2026-12-06T07:00:00Z',
        revokedAt: null,
      };
      keys.push(view);
      const issued: IssuedOpen311ApiKey = { ...view, key: SECRET };
      return [201, issued];
    }
    if (method === 'DELETE' && path === '/api/open311-keys/k1') {
      keys[0] = { ...keys[0], revokedAt: '2026-12-06T08:00:00Z' };
      return [200, keys[0]];
    }
    return undefined;
  });
  renderSignedIn(<Open311KeysAdmin />, deskUser('admin'));
  return fetchMock;
}

describe('Open311 keys admin', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows a missing name beside its field, then the issued key once, never again', async () => {
    setup();
    fireEvent.click(await screen.findByTestId('key-issue'));
    fireEvent.click(screen.getByTestId('key-submit'));
    const nameField = (await screen.findByText('name must be longer')).closest('.form-field');
    expect(nameField?.contains(screen.getByTestId('key-name'))).toBe(true);

    fireEvent.change(screen.getByTestId('key-name'), { target: { value: '12345 热线 App' } });
    fireEvent.click(screen.getByTestId('key-submit'));
    expect((await screen.findByTestId('key-secret-value')).textContent).toBe(SECRET);
    expect(screen.getByText(/只显示这一次/)).toBeTruthy();

    fireEvent.click(screen.getByText('关闭'));
    await screen.findByText('w311_sEc…');
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('revokes a key only after a confirmation', async () => {
    const fetchMock = setup();
    fireEvent.click(await screen.findByTestId('key-issue'));
    fireEvent.change(screen.getByTestId('key-name'), { target: { value: 'vendor' } });
    fireEvent.click(screen.getByTestId('key-submit'));
    fireEvent.click(await screen.findByText('关闭'));
    fireEvent.click(await screen.findByText('吊销'));
    expect(screen.getByText(/吊销密钥“vendor”/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('confirm-submit'));
    await waitFor(() => expect(screen.getByText(/已吊销 2026-12-06 16:00/)).toBeTruthy());
  });
});
