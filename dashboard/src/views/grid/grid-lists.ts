import type { IncidentView } from '@whistle/shared';

/**
 * "My reports": what grid workers reported that this worker can see. The list API gives a worker
 * their grids' incidents and their own reports; the view has no reporter field, so a report by a
 * colleague in a shared grid would show here too (see the lead's note).
 */
export function myReports(incidents: readonly IncidentView[]): IncidentView[] {
  return incidents.filter((i) => i.source === 'grid_worker');
}

/**
 * Fixes in my grids that wait for the street's verification (resolved). The street verifies (the
 * state machine gives verify to the requesting street); the worker checks each one on site first
 * (现场核查) and the street sees the result before it verifies.
 */
export function awaitingVerification(
  incidents: readonly IncidentView[],
  myGridIds: readonly string[],
): IncidentView[] {
  return incidents.filter((i) => i.status === 'resolved' && myGridIds.includes(i.gridId));
}
