import { act, screen, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../lib/api/query-keys';
import { FakeSocket, incidentEvent } from '../../test/fake-socket';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { LiveProvider } from './LiveProvider';

let socket: FakeSocket | null = null;
jest.mock('./socket', () => ({
  createSocket: (auth: never) => {
    socket = new FakeSocket(auth);
    return socket;
  },
}));

/** A view built from a fetched list, as every page is. */
function ListView() {
  const list = useQuery({
    queryKey: queryKeys.dispatches.list(),
    queryFn: async () => (await fetch('/api/dispatches')).json() as Promise<string[]>,
  });
  return <p data-testid="list">{list.data?.join(',') ?? 'loading'}</p>;
}

describe('LiveProvider', () => {
  it('refetches the views when the server truncates the replay', async () => {
    let served = ['a'];
    const fetched = fakeFetch((_method, path) => (path === '/api/dispatches' ? [200, served] : undefined));
    const listCalls = () => fetched.mock.calls.filter(([url]) => String(url).endsWith('/api/dispatches'));
    renderSignedIn(
      <LiveProvider>
        <ListView />
      </LiveProvider>,
      deskUser('dept_officer'),
    );
    await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('a'));
    expect(listCalls()).toHaveLength(1);

    // An ordinary reconnect with a complete replay refetches nothing: the events bring the news.
    act(() => {
      socket?.open();
      socket?.emit(incidentEvent('3'));
      socket?.drop();
      socket?.retry();
      socket?.finishReplay();
    });
    expect(listCalls()).toHaveLength(1);

    served = ['a', 'b'];
    act(() => socket?.truncateReplay({ lastEventId: '77', reason: 'age' }));
    await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('a,b'));
    expect(listCalls()).toHaveLength(2);
  });
});
