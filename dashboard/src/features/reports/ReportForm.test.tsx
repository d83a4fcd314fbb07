import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { UserView } from '@whistle/shared';
import { AppProviders } from '../../AppProviders';
import { signInForTest } from '../../test/session';
import { ReportForm } from './ReportForm';

const worker: UserView = {
  id: 'u1',
  username: 'grid.fuzimiao.01',
  displayName: '李网格',
  role: 'grid_worker',
  districtId: 'd1',
  streetId: 's1',
  departmentId: null,
  gridIds: ['g1'],
};

type GeoCallbacks = [PositionCallback, PositionErrorCallback | null | undefined];

/** navigator.geolocation that answers with a position, or refuses as a denied permission. */
function fakeGeolocation(answer: 'here' | 'denied') {
  const getCurrentPosition = jest.fn((...[ok, fail]: GeoCallbacks) => {
    if (answer === 'here') {
      ok({ coords: { longitude: 118.7891, latitude: 32.0213, accuracy: 12 } } as GeolocationPosition);
    } else {
      fail?.({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError);
    }
  });
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
}

function renderForm(onReported = jest.fn()) {
  signInForTest(worker);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <AppProviders client={client}>
      <ReportForm onReported={onReported} />
    </AppProviders>,
  );
  return onReported;
}

const answer = {
  id: 'i1',
  title: '占道经营',
  category: 'street_vending',
  status: 'reported',
  photos: [],
  likelyDuplicates: [],
};

describe('grid worker report form', () => {
  beforeAll(() => {
    // jsdom has no object URLs; the photo previews need them (unique, as a browser's are).
    let made = 0;
    Object.assign(URL, { createObjectURL: () => `blob:preview-${++made}`, revokeObjectURL: () => undefined });
  });

  it('shows what is missing and sends nothing until the report is complete', async () => {
    fakeGeolocation('here');
    const fetchMock = jest.fn();
    global.fetch = fetchMock;
    renderForm();
    fireEvent.click(screen.getByTestId('report-submit'));
    expect(await screen.findByText('请选择问题类别')).toBeTruthy();
    expect(screen.getByText('请填写问题描述')).toBeTruthy();
    fireEvent.change(screen.getByTestId('report-description'), { target: { value: '   ' } });
    expect(screen.getByText('请填写问题描述')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    // The device's position was found, so location is not among the problems.
    expect(screen.getByTestId('location-status').textContent).toContain('118.78910, 32.02130');
    expect(screen.queryByText('请等待定位或在地图上选点')).toBeNull();
  });

  it('refuses a tenth photo and a GIF before uploading anything', async () => {
    fakeGeolocation('here');
    renderForm();
    const gif = new File(['x'], 'a.gif', { type: 'image/gif' });
    fireEvent.change(screen.getByTestId('report-photos'), { target: { files: [gif] } });
    fireEvent.click(screen.getByTestId('report-submit'));
    expect(await screen.findByText('照片只支持 JPEG、PNG 或 WebP 格式')).toBeTruthy();
    const ten = Array.from({ length: 10 }, (_, i) => new File(['x'], `${i}.jpg`, { type: 'image/jpeg' }));
    fireEvent.click(screen.getByRole('button', { name: '删除照片 1' }));
    fireEvent.change(screen.getByTestId('report-photos'), { target: { files: ten } });
    expect(screen.getByText('最多 9 张，已保留前 9 张')).toBeTruthy();
    expect(screen.getByText('已选 9 / 9 张')).toBeTruthy();
  });

  it('asks for a map pick when location is denied', async () => {
    fakeGeolocation('denied');
    renderForm();
    fireEvent.click(screen.getByTestId('category-noise'));
    fireEvent.change(screen.getByTestId('report-description'), { target: { value: '夜间施工噪声' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    expect(await screen.findByText('请等待定位或在地图上选点')).toBeTruthy();
    expect(screen.getByTestId('location-status').getAttribute('data-status')).toBe('denied');
    expect(screen.getByTestId('pick-on-map')).toBeTruthy();
  });

  it('sends a complete report as multipart with the bearer token and hands back the answer', async () => {
    fakeGeolocation('here');
    const fetchMock = jest.fn((_url: URL | string, _init?: RequestInit) =>
      Promise.resolve({ ok: true, status: 201, json: () => Promise.resolve(answer) } as unknown as Response),
    );
    global.fetch = fetchMock as unknown as typeof fetch;
    const onReported = renderForm();
    fireEvent.click(screen.getByTestId('category-street_vending'));
    fireEvent.change(screen.getByTestId('report-description'), { target: { value: ' 路口占道经营 ' } });
    const photo = new File(['x'], 'site.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('report-photos'), { target: { files: [photo] } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await waitFor(() => expect(onReported).toHaveBeenCalled());
    expect(onReported).toHaveBeenCalledWith(answer);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toMatch(/\/api\/incidents\/report$/);
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer t1');
    const body = init?.body as FormData;
    expect(body.get('category')).toBe('street_vending');
    expect(body.get('description')).toBe('路口占道经营');
    expect(body.get('lng')).toBe('118.7891');
    expect((body.getAll('photos')[0] as File).name).toBe('site.jpg');
  });

  it('explains a refusal: a spot outside the worker’s grids', async () => {
    fakeGeolocation('here');
    global.fetch = jest.fn(() =>
      Promise.resolve({
        ok: false,
        status: 403,
        json: () => Promise.resolve({ statusCode: 403, message: 'The location is outside your grids' }),
      } as unknown as Response),
    );
    renderForm();
    fireEvent.click(screen.getByTestId('category-noise'));
    fireEvent.change(screen.getByTestId('report-description'), { target: { value: '噪声' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    expect((await screen.findByTestId('report-error')).textContent).toBe('该位置不在您负责的网格内');
  });
});
