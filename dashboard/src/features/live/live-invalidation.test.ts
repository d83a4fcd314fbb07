import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/api/query-keys';
import { incidentIdsOf, refreshFromEvents } from './live-invalidation';
import type { AnyLiveEvent } from './types';

const event = (type: AnyLiveEvent['type'], payload: object) =>
  ({ id: '1', type, occurredAt: '', payload }) as AnyLiveEvent;

describe('live invalidation', () => {
  it('finds the incidents a batch touches', () => {
    const ids = incidentIdsOf([
      event('incident.updated', { id: 'a', mergedIntoId: 'b' }),
      event('dispatch.updated', { id: 'd', incidentId: 'c' }),
      event('deadline.overdue', { dispatchId: 'd', incidentId: 'c' }),
      event('metrics.updated', {}),
    ]);
    expect([...ids].sort()).toEqual(['a', 'b', 'c']);
  });

  it('refetches the lists and only the touched details', () => {
    const client = new QueryClient();
    const spy = jest.spyOn(client, 'invalidateQueries').mockResolvedValue(undefined);
    refreshFromEvents(client, [event('dispatch.created', { id: 'd', incidentId: 'c' })]);
    const keys = spy.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual([queryKeys.dispatches.all(), queryKeys.incidents.detail('c')]);
    spy.mockClear();
    refreshFromEvents(client, [event('metrics.updated', {})]);
    expect(spy).not.toHaveBeenCalled();
  });
});
