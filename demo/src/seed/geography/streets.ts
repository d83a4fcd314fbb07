import type { Polygon, Position } from 'geojson';
import districtJson from '../data/qinhuai-district.json';
import streetPointsJson from '../data/qinhuai-street-points.json';

export interface StreetDefinition {
  /** Lowercase pinyin, the key the demo accounts are named by (street.fuzimiao, grid.fuzimiao.01). */
  code: string;
  /** Initials used inside grid and community codes: QH-FZM-C03-G012. */
  abbr: string;
  nameZh: string;
  nameEn: string;
  /** The published point inside the street (GCJ-02), used as its centre and its Voronoi seed. */
  center: Position;
}

const ABBREVIATIONS: Record<string, string> = {
  fuzimiao: 'FZM',
  wulaocun: 'WLC',
  hongwulu: 'HWL',
  daguanglu: 'DGL',
  ruijinlu: 'RJL',
  yueyahu: 'YYH',
  guanghualu: 'GHL',
  zhonghuamen: 'ZHM',
  shuangtang: 'ST',
  honghua: 'HH',
  qinhong: 'QHO',
  chaotiangong: 'CTG',
};

export const DISTRICT = { code: 'qinhuai', abbr: 'QH', nameZh: '秦淮区', nameEn: 'Qinhuai' } as const;

export const STREETS: readonly StreetDefinition[] = streetPointsJson.features.map((f) => {
  const code = f.properties.nameEn.toLowerCase();
  const abbr = ABBREVIATIONS[code];
  if (!abbr) throw new Error(`no abbreviation for street ${code}`);
  return {
    code,
    abbr,
    nameZh: f.properties.nameZh,
    nameEn: f.properties.nameEn,
    center: f.geometry.coordinates,
  };
});

/** The district outline; the published file is a MultiPolygon with the district as its only (largest) part. */
export function districtOutline(): Polygon {
  const geometry = districtJson.features[0]?.geometry;
  if (geometry?.type !== 'MultiPolygon') throw new Error('district outline must be a MultiPolygon feature');
  const [largest] = [...geometry.coordinates].sort((a, b) => ringSize(b) - ringSize(a));
  if (!largest) throw new Error('district outline is empty');
  return { type: 'Polygon', coordinates: largest };
}

/** Bounding-box size of the outer ring, enough to tell the mainland from any islet. */
function ringSize(rings: number[][][]): number {
  const outer = rings[0] ?? [];
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}
