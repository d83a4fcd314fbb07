/** Wall-screen palette shared by the map layers (dark navy with cyan accents, DESIGN §7). */
export const MAP_COLORS = {
  background: '#06122b',
  gridFillEmpty: '#0b2250',
  gridFillLow: '#0f5b78',
  gridFillMid: '#d9a21b',
  gridFillHigh: '#e0452b',
  gridLine: '#2a8fc4',
  incident: '#35d0ff',
  incidentUrgent: '#ff5a4f',
  incidentOverdue: '#ffb020',
} as const;
