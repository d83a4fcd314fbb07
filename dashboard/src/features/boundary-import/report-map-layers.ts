import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT, MAP_COLORS } from '../map/layers/theme';

/** Sources of the boundary report map: what is stored, what the file brings, what is wrong. */
export const SOURCES = {
  currentStreets: 'current-streets',
  currentCommunities: 'current-communities',
  currentGrids: 'current-grids',
  uploadedStreets: 'uploaded-streets',
  uploadedCommunities: 'uploaded-communities',
  uploadedGrids: 'uploaded-grids',
  problemAreas: 'problem-areas',
  problemPoints: 'problem-points',
} as const;

/** Colours of the problems, also used by the legend and the list's badges (report.css). */
export const PROBLEM_COLORS = {
  overlap: '#ff3b30',
  gap: '#ffb020',
  outside_parent: '#d17bff',
  point: '#ff5a4f',
} as const;

export const UPLOADED_COLOR = '#2ee59d';

const problemColor: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'overlap',
  PROBLEM_COLORS.overlap,
  'gap',
  PROBLEM_COLORS.gap,
  PROBLEM_COLORS.outside_parent,
];

export const CURRENT_LAYERS = ['current-grid-line', 'current-community-line', 'current-street-line'] as const;
export const UPLOADED_LAYERS = [
  'uploaded-street-fill',
  'uploaded-community-fill',
  'uploaded-grid-fill',
  'uploaded-street-line',
  'uploaded-community-line',
  'uploaded-grid-line',
  'uploaded-grid-label',
] as const;
export const PROBLEM_FILL_LAYER = 'problem-area-fill';
export const PROBLEM_SELECTED_LAYER = 'problem-selected';
export const PROBLEM_POINT_LAYER = 'problem-point';

const uploadedFill = (id: string, source: string, opacity: number): LayerSpecification => ({
  id,
  type: 'fill',
  source,
  paint: { 'fill-color': UPLOADED_COLOR, 'fill-opacity': opacity },
});
const uploadedLine = (id: string, source: string, width: number): LayerSpecification => ({
  id,
  type: 'line',
  source,
  paint: { 'line-color': UPLOADED_COLOR, 'line-width': width, 'line-opacity': 0.95 },
});

/** Bottom to top: stored boundaries, the file's, then the problems over both. */
export const REPORT_LAYERS: LayerSpecification[] = [
  {
    id: 'current-grid-line',
    type: 'line',
    source: SOURCES.currentGrids,
    paint: { 'line-color': MAP_COLORS.gridLine, 'line-width': 0.6, 'line-opacity': 0.55 },
  },
  {
    id: 'current-community-line',
    type: 'line',
    source: SOURCES.currentCommunities,
    paint: { 'line-color': MAP_COLORS.communityLine, 'line-width': 1, 'line-dasharray': [3, 2] },
  },
  {
    id: 'current-street-line',
    type: 'line',
    source: SOURCES.currentStreets,
    paint: { 'line-color': MAP_COLORS.streetLine, 'line-width': 1.6, 'line-opacity': 0.85 },
  },
  uploadedFill('uploaded-street-fill', SOURCES.uploadedStreets, 0.05),
  uploadedFill('uploaded-community-fill', SOURCES.uploadedCommunities, 0.05),
  uploadedFill('uploaded-grid-fill', SOURCES.uploadedGrids, 0.1),
  uploadedLine('uploaded-street-line', SOURCES.uploadedStreets, 2.4),
  uploadedLine('uploaded-community-line', SOURCES.uploadedCommunities, 1.6),
  uploadedLine('uploaded-grid-line', SOURCES.uploadedGrids, 1.2),
  {
    id: 'uploaded-grid-label',
    type: 'symbol',
    source: SOURCES.uploadedGrids,
    minzoom: 13.5,
    // A polygon's label would repeat in every tile it crosses; labels stay clear of tile edges.
    layout: {
      'text-field': ['get', 'code'],
      'text-font': LABEL_FONT,
      'text-size': 11,
      'symbol-avoid-edges': true,
    },
    paint: { 'text-color': '#d8ffe9', 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 1.4 },
  },
  {
    id: PROBLEM_FILL_LAYER,
    type: 'fill',
    source: SOURCES.problemAreas,
    paint: { 'fill-color': problemColor, 'fill-opacity': 0.6 },
  },
  {
    id: 'problem-area-line',
    type: 'line',
    source: SOURCES.problemAreas,
    paint: { 'line-color': problemColor, 'line-width': 2 },
  },
  {
    id: PROBLEM_SELECTED_LAYER,
    type: 'line',
    source: SOURCES.problemAreas,
    filter: ['==', ['get', 'id'], -1],
    paint: { 'line-color': '#ffffff', 'line-width': 3.5 },
  },
  {
    id: PROBLEM_POINT_LAYER,
    type: 'circle',
    source: SOURCES.problemPoints,
    paint: {
      'circle-color': PROBLEM_COLORS.point,
      'circle-radius': ['case', ['==', ['get', 'id'], -1], 10, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
];
