import { act, screen, waitFor } from '@testing-library/react';
import { setLanguage } from '../../i18n';
import { FakeSocket, incidentEvent } from '../../test/fake-socket';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { EventFeed } from './EventFeed';
import { LiveProvider } from './LiveProvider';

let socket: FakeSocket | null = null;
jest.mock('./socket', () => ({
  createSocket: (auth: never) => {
    socket = new FakeSocket(auth);
    return socket;
  },
}));

describe('live feed', () => {
  afterEach(() => act(() => setLanguage('zh-CN')));

  it('writes times in China time and rewrites the lines on screen when the language changes', async () => {
    fakeFetch(() => [200, []]);
    renderSignedIn(
      <LiveProvider>
        <EventFeed />
      </LiveProvider>,
      deskUser('district_operator'),
    );
    // 00:00 UTC is 08:00 in China, whatever zone this machine is in.
    act(() => socket?.emit(incidentEvent('5', '井盖缺失')));
    const line = await screen.findByText(/井盖缺失/);
    expect(line.closest('li')?.textContent).toBe('08:00 新事件 · 井盖缺失');

    act(() => setLanguage('en'));
    await waitFor(() => expect(line.closest('li')?.textContent).toBe('08:00 New incident · 井盖缺失'));
  });
});
