import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * Per-cluster sums the clustered source keeps beside point_count, so a cluster can say how many
 * of its incidents are urgent or overdue. Each is [reduce, map]: the map turns one point into a
 * number, the reduce adds children up (`accumulated` + the next child's value), so a cluster's
 * figures are exactly the sums of what it holds, at every zoom.
 */
export const CLUSTER_PROPERTIES: Record<
  'urgent' | 'overdue',
  [ExpressionSpecification, ExpressionSpecification]
> = {
  urgent: [
    ['+', ['accumulated'], ['get', 'urgent']],
    ['case', ['==', ['get', 'priority'], 'urgent'], 1, 0],
  ],
  overdue: [
    ['+', ['accumulated'], ['get', 'overdue']],
    ['case', ['==', ['get', 'overdue'], true], 1, 0],
  ],
};

/** True for a feature that needs the room's attention: urgent, or past a stage deadline. */
export const NEEDS_ATTENTION: ExpressionSpecification = [
  'any',
  ['==', ['get', 'priority'], 'urgent'],
  ['==', ['get', 'overdue'], true],
];

/** For clusters: holds at least one urgent or overdue incident. */
export const CLUSTER_NEEDS_ATTENTION: ExpressionSpecification = [
  'any',
  ['>', ['get', 'urgent'], 0],
  ['>', ['get', 'overdue'], 0],
];
