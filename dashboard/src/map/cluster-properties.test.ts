import { expression, type StylePropertyExpression } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification } from 'maplibre-gl';
import { CLUSTER_PROPERTIES } from './cluster-properties';
import type { IncidentFeatureProperties } from './incident-model';

type Props = Record<string, unknown>;

function compile(spec: ExpressionSpecification, key: string): StylePropertyExpression['evaluate'] {
  const parsed = expression.createExpression(spec, key);
  if (parsed.result !== 'success')
    throw new Error(`${key}: ${parsed.value.map((e) => e.message).join('; ')}`);
  return parsed.value.evaluate.bind(parsed.value) as StylePropertyExpression['evaluate'];
}

/**
 * The map and reduce functions MapLibre's worker hands its clusterer, built from
 * clusterProperties the same way (getSuperclusterOptions): map turns a point into its figures,
 * reduce folds another point's or cluster's figures into an accumulator.
 */
function clusterer() {
  const keys = Object.keys(CLUSTER_PROPERTIES) as (keyof typeof CLUSTER_PROPERTIES)[];
  const globals = { zoom: 0 };
  const maps = keys.map((k) => compile(CLUSTER_PROPERTIES[k][1], `map.${k}`));
  const reduces = keys.map((k) => compile(CLUSTER_PROPERTIES[k][0], `reduce.${k}`));
  return {
    map: (p: IncidentFeatureProperties): Props =>
      Object.fromEntries(keys.map((k, i) => [k, maps[i]?.(globals, { properties: p } as never)])),
    reduce: (acc: Props, other: Props): void => {
      keys.forEach((k, i) => {
        acc[k] = reduces[i]?.({ zoom: 0, accumulated: acc[k] as never }, { properties: other } as never);
      });
    },
  };
}

function point(i: number): IncidentFeatureProperties {
  return {
    id: String(i),
    category: 'noise',
    priority: i % 3 === 0 ? 'urgent' : 'normal',
    status: 'registered',
    overdue: i % 4 === 0,
  };
}

describe('cluster properties', () => {
  it('count one urgent and one overdue point as 1, the others as 0', () => {
    const { map } = clusterer();
    expect(map(point(0))).toEqual({ urgent: 1, overdue: 1 });
    expect(map(point(1))).toEqual({ urgent: 0, overdue: 0 });
  });

  it('add up exactly through clusters of clusters, as the clusterer merges them zoom by zoom', () => {
    const { map, reduce } = clusterer();
    const points = Array.from({ length: 1000 }, (_, i) => point(i));
    // Level 0: every point as its own cluster; each next level merges groups of 7 (then 5, 3, …).
    let level = points.map((p) => ({ props: map(p), count: 1 }));
    for (const size of [7, 5, 3, 11]) {
      const next: typeof level = [];
      for (let i = 0; i < level.length; i += size) {
        const group = level.slice(i, i + size);
        const first = group[0];
        if (!first) continue;
        const acc = { ...first.props };
        for (const other of group.slice(1)) reduce(acc, other.props);
        next.push({ props: acc, count: group.reduce((n, g) => n + g.count, 0) });
      }
      level = next;
      const sum = (k: string) => level.reduce((n, c) => n + Number(c.props[k]), 0);
      expect(level.reduce((n, c) => n + c.count, 0)).toBe(1000);
      expect(sum('urgent')).toBe(points.filter((p) => p.priority === 'urgent').length);
      expect(sum('overdue')).toBe(points.filter((p) => p.overdue).length);
    }
  });
});
