import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  type DepartmentView,
  type IncidentView,
  type TimerRule,
} from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { WhistleDialog } from './WhistleDialog';

// Each with the categories it handles (an admin's setting): street vending suggests the first two.
const departments: DepartmentView[] = [
  dept('id-cg', 'chengguan', '城管局', 'Urban management', ['street_vending', 'illegal_construction']),
  dept('id-sc', 'shichang', '市场监管局', 'Market regulation', ['street_vending', 'food_safety']),
  dept('id-xf', 'xiaofang', '消防救援大队', 'Fire brigade', ['fire_hazard']),
];

function dept(
  id: string,
  code: string,
  nameZh: string,
  nameEn: string,
  categories: string[],
): DepartmentView {
  return { id, code, nameZh, nameEn, kind: 'department', categories };
}

// Enforcement whistles on normal-priority incidents: 10 min to accept, 1 h to arrive, 2 days to resolve.
const rules: TimerRule[] = [
  { whistleType: 'enforcement', priority: 'any', limits: { accept: 10, arrive: 60, resolve: 2 * 24 * 60 } },
];

const incident = {
  id: 'inc-1',
  title: '夫子庙步行街占道经营',
  category: 'street_vending',
  priority: 'normal',
  status: 'registered',
} as IncidentView;

type Answer = [number, unknown];
const created: Answer = [201, { id: 'w1' }];

/** `answerPost(n)` answers the n-th whistle POST (from 1); by default each one is created. */
function setup(answerPost: (n: number) => Answer = () => created) {
  let posts = 0;
  const fetchMock = fakeFetch((method, path) => {
    if (method === 'GET' && path === '/api/departments') return [200, departments];
    if (method === 'GET' && path === '/api/timer-rules') return [200, rules];
    if (method === 'POST' && path === '/api/incidents/inc-1/whistles') return answerPost(++posts);
    return undefined;
  });
  const onClose = jest.fn();
  renderSignedIn(<WhistleDialog incident={incident} onClose={onClose} />, deskUser('street_operator'));
  const keysSent = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => (init?.headers as Record<string, string>)[IDEMPOTENCY_KEY_HEADER]);
  return { fetchMock, onClose, keysSent };
}

describe('whistle dialog', () => {
  beforeEach(() => sessionStorage.clear());

  it('pre-checks the departments the category suggests and leaves the others selectable', async () => {
    setup();
    const chengguan = await screen.findByTestId<HTMLInputElement>('whistle-dept-chengguan');
    expect(chengguan.checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('whistle-dept-shichang').checked).toBe(true);
    const xiaofang = screen.getByTestId<HTMLInputElement>('whistle-dept-xiaofang');
    expect(xiaofang.checked).toBe(false);
    fireEvent.click(xiaofang);
    expect(xiaofang.checked).toBe(true);
  });

  it('previews the stage deadlines from the timer rules for the chosen type', async () => {
    setup();
    const preview = screen.getByTestId('deadline-preview');
    await waitFor(() => expect(within(preview).getByText(/接单：10分/)).toBeTruthy());
    expect(within(preview).getByText(/报到：1小时0分/)).toBeTruthy();
    expect(within(preview).getByText(/办结：2天0小时/)).toBeTruthy();
    // No rule of its own for emergency: the shared defaults apply (5 min to accept).
    fireEvent.change(screen.getByTestId('whistle-type'), { target: { value: 'emergency' } });
    expect(within(preview).getByText(/接单：5分/)).toBeTruthy();
  });

  it('sends the type and the checked departments, and refuses an empty selection', async () => {
    const { fetchMock, onClose } = setup();
    await screen.findByTestId('whistle-dept-chengguan');
    fireEvent.click(screen.getByTestId('whistle-dept-chengguan'));
    fireEvent.click(screen.getByTestId('whistle-dept-shichang'));
    fireEvent.click(screen.getByTestId('whistle-submit'));
    expect(await screen.findByText('请至少选择一个部门')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByTestId('whistle-dept-xiaofang'));
    fireEvent.change(screen.getByTestId('whistle-type'), { target: { value: 'tough' } });
    fireEvent.click(screen.getByTestId('whistle-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({ type: 'tough', departmentIds: ['id-xf'] });
  });
});

describe('whistle dialog: a retried submit', () => {
  beforeEach(() => sessionStorage.clear());

  /** The whistle POST fails once with a 503 (the answer lost to an outage), then succeeds. */
  const failingOnce = (n: number): Answer =>
    n === 1 ? [503, { statusCode: 503, error: 'Service Unavailable', message: '数据库暂不可用' }] : created;

  it('carries the same Idempotency-Key as the failed one, so the server blows it once', async () => {
    const { onClose, keysSent } = setup(failingOnce);
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
    const { onClose, keysSent } = setup(failingOnce);
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
