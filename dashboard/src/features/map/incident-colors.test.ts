import { CATEGORIES, OPEN_INCIDENT_STATUSES } from '@whistle/shared';
import { categoryColor, incidentColor, stateColor } from './incident-colors';
import { CATEGORY_PALETTE, MAP_COLORS, STATE_COLORS } from './layers/theme';

describe('incident colour toggle', () => {
  it('colours by category: every category its palette colour, an unknown one the default', () => {
    for (const [i, c] of CATEGORIES.entries()) {
      expect(incidentColor('category', { category: c.code, status: 'reported' })).toBe(
        CATEGORY_PALETTE[i % CATEGORY_PALETTE.length],
      );
    }
    expect(incidentColor('category', { category: 'made_up', status: 'reported' })).toBe(MAP_COLORS.incident);
  });

  it('colours by state: each open status its own colour, whatever the category', () => {
    for (const s of OPEN_INCIDENT_STATUSES) {
      expect(incidentColor('state', { category: 'noise', status: s })).toBe(stateColor(s));
    }
    expect(new Set(OPEN_INCIDENT_STATUSES.map(stateColor)).size).toBe(Object.keys(STATE_COLORS).length);
  });

  it('the two modes disagree for the same incident, so the toggle is visible', () => {
    const incident = { category: CATEGORIES[0]?.code ?? '', status: 'in_progress' as const };
    expect(incidentColor('category', incident)).toBe(categoryColor(CATEGORIES[0]?.code ?? ''));
    expect(incidentColor('state', incident)).toBe(STATE_COLORS.in_progress);
    expect(incidentColor('category', incident)).not.toBe(incidentColor('state', incident));
  });
});
