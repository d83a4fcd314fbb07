import type { BoundaryLayer, BoundaryProblem } from '@whistle/shared';
import {
  SLIVER_M2,
  boxOf,
  boxesMeet,
  coverage,
  outside,
  overlap,
  selfIntersection,
  type Area,
  type Piece,
} from './boundary-geometry';
import type { BoundaryPlan, GridPlan } from './boundary-plan';
import { boundaryProblem } from './boundary-problem';

const six = (n: number): number => Math.round(n * 1e6) / 1e6;

/** A piece's size and place as message params, and as the problem's own fields for the map. */
const placeOf = (p: Piece) => ({
  params: { areaM2: p.areaM2, lng: six(p.location.lng), lat: six(p.location.lat) },
  place: { areaM2: p.areaM2, location: p.location, geometry: p.geometry },
});

/**
 * The spatial checks of a planned import: no boundary crosses itself, every community lies in its
 * street and every grid in its community, and the grids of a community cover it exactly — no
 * overlaps (a point in two grids) and no gaps (a point in none). Only what the file touches is
 * checked, with the neighbours it can affect: the siblings of a changed grid, the children of a
 * changed community, and the community a grid moved out of.
 */
export function spatialProblems(plan: BoundaryPlan): BoundaryProblem[] {
  const problems: BoundaryProblem[] = [];
  /** Geometries safe to compare: well-formed and not self-intersecting. */
  const usable = new Set<string>();
  const key = (layer: BoundaryLayer, code: string) => `${layer}:${code}`;

  /** Runs a geometric comparison; a geometry the library cannot handle is reported, never a 500. */
  const attempt = (layer: BoundaryLayer, codes: string[], run: () => void): void => {
    try {
      run();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      problems.push(
        boundaryProblem(layer, codes, {
          code: 'not_comparable',
          params: { features: codes.join(', '), reason },
        }),
      );
    }
  };
  const markUsable = (
    layer: BoundaryLayer,
    code: string,
    geometry: Area | null,
    ok: boolean,
    touched: boolean,
  ) => {
    if (!geometry || !ok) return;
    if (!touched) {
      usable.add(key(layer, code));
      return;
    }
    attempt(layer, [code], () => {
      const at = selfIntersection(geometry);
      if (at) {
        problems.push(
          boundaryProblem(
            layer,
            [code],
            { code: 'self_intersection', params: { feature: code } },
            { location: at },
          ),
        );
      } else usable.add(key(layer, code));
    });
  };
  for (const s of plan.streets.values()) markUsable('streets', s.code, s.boundary, s.geometryOk, s.touched);
  for (const c of plan.communities.values())
    markUsable('communities', c.code, c.boundary, c.geometryOk, c.touched);
  for (const g of plan.grids.values()) markUsable('grids', g.code, g.polygon, g.geometryOk, g.touched);

  const within = (layer: BoundaryLayer, code: string, child: Area, parentCode: string, parent: Area) =>
    attempt(layer, [code, parentCode], () => {
      for (const piece of outside(child, parent)) {
        const { params, place } = placeOf(piece);
        problems.push(
          boundaryProblem(
            layer,
            [code, parentCode],
            { code: 'outside_parent', params: { feature: code, parent: parentCode, ...params } },
            place,
          ),
        );
      }
    });

  for (const c of plan.communities.values()) {
    const street = plan.streets.get(c.streetCode);
    if (!street || !(c.touched || street.touched)) continue;
    if (usable.has(key('communities', c.code)) && usable.has(key('streets', street.code)))
      within('communities', c.code, c.boundary as Area, street.code, street.boundary as Area);
  }

  // Grids are checked community by community: one union of the children finds gaps, spill-overs
  // and whether anything overlaps at all; only then are single grids and pairs compared.
  const affected = new Set<string>();
  for (const g of plan.grids.values()) {
    if (g.touched) {
      affected.add(g.communityCode);
      if (g.previousCommunityCode) affected.add(g.previousCommunityCode);
    }
    if (plan.communities.get(g.communityCode)?.touched) affected.add(g.communityCode);
  }
  const childrenOf = new Map<string, GridPlan[]>();
  for (const g of plan.grids.values()) {
    if (affected.has(g.communityCode))
      childrenOf.set(g.communityCode, [...(childrenOf.get(g.communityCode) ?? []), g]);
  }
  for (const communityCode of affected) {
    const community = plan.communities.get(communityCode);
    if (!community) continue;
    const children = childrenOf.get(communityCode) ?? [];
    const comparable = children.filter((g) => usable.has(key('grids', g.code)));
    const parentUsable = usable.has(key('communities', communityCode));
    let spills = parentUsable;
    let overlaps = true;
    // With a broken grid the union would show false gaps; then compare one by one, without gaps.
    if (parentUsable && comparable.length === children.length) {
      attempt('grids', [communityCode], () => {
        const found = coverage(
          community.boundary as Area,
          comparable.map((g) => g.polygon),
        );
        for (const piece of found.gaps) {
          const { params, place } = placeOf(piece);
          problems.push(
            boundaryProblem(
              'grids',
              [communityCode],
              { code: 'gap', params: { feature: communityCode, ...params } },
              place,
            ),
          );
        }
        spills = found.spill.length > 0;
        overlaps = found.overlapM2 > SLIVER_M2;
      });
    }
    if (spills) {
      for (const g of comparable)
        within('grids', g.code, g.polygon, communityCode, community.boundary as Area);
    }
    if (overlaps) overlapsAmong(comparable, problems, attempt);
  }
  return problems;
}

/** Pairwise overlaps among sibling grids (bounding boxes first). */
function overlapsAmong(
  grids: readonly GridPlan[],
  problems: BoundaryProblem[],
  attempt: (layer: BoundaryLayer, codes: string[], run: () => void) => void,
): void {
  const boxes = grids.map((g) => boxOf(g.polygon));
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      const [a, b] = [grids[i], grids[j]];
      if (!a || !b || !boxesMeet(boxes[i] ?? [], boxes[j] ?? [])) continue;
      attempt('grids', [a.code, b.code], () => {
        for (const piece of overlap(a.polygon, b.polygon)) {
          const { params, place } = placeOf(piece);
          problems.push(
            boundaryProblem(
              'grids',
              [a.code, b.code],
              { code: 'overlap', params: { feature: a.code, other: b.code, ...params } },
              place,
            ),
          );
        }
      });
    }
  }
}
