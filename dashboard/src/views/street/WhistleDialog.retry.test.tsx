import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN, type IncidentView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../desk/desk-test-utils';
import { WhistleDialog } from './WhistleDialog';

const incident = {
  id: 'inc-1',
  title: '夫子庙步行街占道经营',
  category: 'street_vending',
  priority: 'normal',
  status: 'registered',
} as IncidentView;

const departments = [
  { id: 'id-cg', code: 'chengguan', nameZh: '城管局', nameEn: 'Urban management', kind: 'department' },
];

/** The whistle POST fails once with a 503 (the answer lost to an outage), then succeeds. */
function setup() {
  let posts = 0;
  const fetchMock = fakeFetch((method, path) => {
    if (method === 'GET' && path === '/api/departments') return [200, departments];
    if (method === 'GET' && path === '/api/timer-rules') return [200, []];
    if (method === 'POST' && path === '/api/incidents/inc-1/whistles') {
      return ++posts === 1
        ? [503, { statusCode: 503, error: 'Service Unavailable', message: '数据库暂不可用' }]
        : [201, { id: 'w1' }];
    }
    return undefined;
  });
  const onClose = jest.fn();
  renderSignedIn(<WhistleDialog incident={incident} onClose={onClose} />, deskUser('street_operator'));
  const keysSent = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => (init?.headers as Record<string, string>)[IDEMPOTENCY_KEY_HEADER]);
  return { onClose, keysSent };
}

describe('whistle dialog: a retried submit', () => {
  beforeEach(() => sessionStorage.clear());

  it('carries the same Idempotency-Key as the failed one, so the server blows it once', async () => {
    const { onClose, keysSent } = setup();
    await screen.findByTestId('whistle-dept-chengguan');
    fireEvent.click(screen.getByTestId('whistle-submit'));
    await waitFor(() => expect(keysSent()).toHaveLength(1));
    await screen.findByRole('alert');
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('whistle-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [first, retry] = keysSent();
    expect(first).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(retry).toBe(first);
  });

  it('carries a new key once the whistle was changed: that is another request', async () => {
    const { onClose, keysSent } = setup();
    await screen.findByTestId('whistle-dept-chengguan');
    fireEvent.click(screen.getByTestId('whistle-submit'));
    await screen.findByRole('alert');

    fireEvent.change(screen.getByTestId('whistle-type'), { target: { value: 'emergency' } });
    fireEvent.click(screen.getByTestId('whistle-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [first, changed] = keysSent();
    expect(changed).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(changed).not.toBe(first);
  });
});
