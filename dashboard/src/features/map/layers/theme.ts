/** Wall-screen palette shared by the map layers (dark navy with cyan accents, DESIGN §7). */
export const MAP_COLORS = {
  background: '#06122b',
  gridFillEmpty: '#0b2250',
  gridFillLow: '#0f5b78',
  gridFillMid: '#d9a21b',
  gridFillHigh: '#e0452b',
  gridLine: '#2a8fc4',
  communityLine: '#4fb3e8',
  streetLine: '#8fe3ff',
  labelText: '#e6f4ff',
  labelHalo: '#06122b',
  gridLabelText: '#9fc4e6',
  incident: '#35d0ff',
  incidentUrgent: '#ff5a4f',
  incidentOverdue: '#ffb020',
  cluster: '#1f8fd6',
  clusterText: '#ffffff',
} as const;

/**
 * Twelve hues that stay apart on the navy background; categories take them in their shared
 * order, so a category keeps its colour across screens and sessions.
 */
export const CATEGORY_PALETTE = [
  '#35d0ff',
  '#2ee59d',
  '#f5d547',
  '#ff8a3d',
  '#c77dff',
  '#ff6fb5',
  '#7bdff2',
  '#a3e635',
  '#f0abfc',
  '#60a5fa',
  '#fbbf24',
  '#34d399',
] as const;

/** Incident colours by where the incident stands (colour-by-state mode). */
export const STATE_COLORS = {
  reported: '#9fb6d9',
  registered: '#35d0ff',
  dispatched: '#60a5fa',
  in_progress: '#2ee59d',
  reopened: '#c77dff',
} as const;

/** Text drawn by the browser from local fonts: no glyph server is needed (see style.ts). */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
