import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { SiteCheckView, UserView } from '@whistle/shared';
import { AppProviders } from '../../AppProviders';
import { signInForTest } from '../../test/session';
import { SiteCheckForm } from './SiteCheckForm';

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

const check: SiteCheckView = {
  fixed: false,
  note: '摊位仍在',
  checkedById: 'u1',
  checkedAt: '2026-11-22T03:00:00.000Z',
};

type Call = [URL | string, RequestInit | undefined];

/** fetch answering the site check with `status` (and the check when 201), and photos with 201. */
function fakeFetch(status = 201) {
  const fetchMock = jest.fn((...[url]: Call) => {
    const photos = String(url).endsWith('/photos');
    const ok = photos || status < 300;
    const body = photos ? [] : ok ? check : { statusCode: status, message: 'refused' };
    return Promise.resolve({
      ok,
      status: photos ? 201 : status,
      json: () => Promise.resolve(body),
    } as unknown as Response);
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

function renderForm(onChecked = jest.fn()) {
  signInForTest(worker);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <AppProviders client={client}>
      <SiteCheckForm incidentId="i1" onChecked={onChecked} />
    </AppProviders>,
  );
  return onChecked;
}

describe('grid worker on-site check form', () => {
  beforeAll(() => {
    let made = 0;
    Object.assign(URL, { createObjectURL: () => `blob:preview-${++made}`, revokeObjectURL: () => undefined });
  });

  it('asks for a result first and sends nothing without one', async () => {
    const fetchMock = fakeFetch();
    renderForm();
    expect(screen.queryByTestId('site-check-note')).toBeNull();
    fireEvent.click(screen.getByTestId('site-check-submit'));
    expect(await screen.findByText('请选择“已修复”或“未修复”')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('requires a note (not just spaces) when the fix did not hold', async () => {
    const fetchMock = fakeFetch();
    renderForm();
    fireEvent.click(screen.getByTestId('site-check-not-fixed'));
    expect(screen.getByTestId('site-check-not-fixed').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('现场情况（必填）')).toBeTruthy();
    fireEvent.change(screen.getByTestId('site-check-note'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('site-check-submit'));
    expect(await screen.findByText('未修复时请说明现场情况')).toBeTruthy();
    fireEvent.change(screen.getByTestId('site-check-note'), { target: { value: '字'.repeat(501) } });
    expect(screen.getByText('最多 500 字')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends a fixed check without a note, and refuses a GIF photo before uploading', async () => {
    const fetchMock = fakeFetch();
    const onChecked = renderForm();
    fireEvent.click(screen.getByTestId('site-check-fixed'));
    expect(screen.getByText('现场情况（选填）')).toBeTruthy();
    const gif = new File(['x'], 'a.gif', { type: 'image/gif' });
    fireEvent.change(screen.getByTestId('site-check-photos-i1'), { target: { files: [gif] } });
    fireEvent.click(screen.getByTestId('site-check-submit'));
    expect(await screen.findByText('照片只支持 JPEG、PNG 或 WebP 格式')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '删除照片 1' }));
    fireEvent.click(screen.getByTestId('site-check-submit'));
    await waitFor(() => expect(onChecked).toHaveBeenCalledWith({ check, photosFailed: false }));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toMatch(/\/api\/incidents\/i1\/site-checks$/);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ fixed: true });
    // No photos chosen: nothing else is uploaded.
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('sends the trimmed note, then the photos as multipart', async () => {
    const fetchMock = fakeFetch();
    const onChecked = renderForm();
    fireEvent.click(screen.getByTestId('site-check-not-fixed'));
    fireEvent.change(screen.getByTestId('site-check-note'), { target: { value: ' 摊位仍在 ' } });
    const photo = new File(['x'], 'site.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByTestId('site-check-photos-i1'), { target: { files: [photo] } });
    fireEvent.click(screen.getByTestId('site-check-submit'));
    await waitFor(() => expect(onChecked).toHaveBeenCalled());
    expect(JSON.parse(fetchMock.mock.calls[0]?.[1]?.body as string)).toEqual({
      fixed: false,
      note: '摊位仍在',
    });
    const [photosUrl, photosInit] = fetchMock.mock.calls[1] ?? [];
    expect(String(photosUrl)).toMatch(/\/api\/incidents\/i1\/photos$/);
    expect(((photosInit?.body as FormData).getAll('photos')[0] as File).name).toBe('site.jpg');
  });

  it('explains a 409: the incident no longer waits for a check', async () => {
    fakeFetch(409);
    renderForm();
    fireEvent.click(screen.getByTestId('site-check-fixed'));
    fireEvent.click(screen.getByTestId('site-check-submit'));
    expect((await screen.findByTestId('site-check-error')).textContent).toBe(
      '该事件已不在待核查状态，请刷新',
    );
  });
});
