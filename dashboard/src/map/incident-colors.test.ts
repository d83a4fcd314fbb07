import { expression } from '@maplibre/maplibre-gl-style-spec';
import { CATEGORIES, OPEN_INCIDENT_STATUSES } from '@whistle/shared';
import {
  categoryColor,
  incidentColorExpression,
  stateColor,
  type IncidentColorMode,
} from './incident-colors';
import { CATEGORY_PALETTE, MAP_COLORS, STATE_COLORS } from './layers/theme';

/** Evaluates the mode's circle-color expression for a feature, as MapLibre would. */
function colorOf(mode: IncidentColorMode, properties: Record<string, unknown>): string {
  const parsed = expression.createExpression(incidentColorExpression(mode), 'paint.circle-color');
  if (parsed.result !== 'success') throw new Error('expression does not parse');
  const color = parsed.value.evaluate({ zoom: 12 }, { properties } as never) as
    string | { toString(): string };
  return typeof color === 'string' ? color : color.toString();
}

describe('incident colour toggle', () => {
  it('colours by category: every category its palette colour, an unknown one the default', () => {
    for (const [i, c] of CATEGORIES.entries()) {
      expect(colorOf('category', { category: c.code, status: 'reported' })).toBe(
        CATEGORY_PALETTE[i % CATEGORY_PALETTE.length],
      );
    }
    expect(colorOf('category', { category: 'made_up', status: 'reported' })).toBe(MAP_COLORS.incident);
  });

  it('colours by state: each open status its own colour, whatever the category', () => {
    for (const s of OPEN_INCIDENT_STATUSES) {
      expect(colorOf('state', { category: 'noise', status: s })).toBe(stateColor(s));
    }
    expect(new Set(OPEN_INCIDENT_STATUSES.map(stateColor)).size).toBe(Object.keys(STATE_COLORS).length);
  });

  it('the two modes disagree for the same feature, so the toggle is visible', () => {
    const feature = { category: CATEGORIES[0]?.code, status: 'in_progress' };
    expect(colorOf('category', feature)).toBe(categoryColor(CATEGORIES[0]?.code ?? ''));
    expect(colorOf('state', feature)).toBe(STATE_COLORS.in_progress);
    expect(colorOf('category', feature)).not.toBe(colorOf('state', feature));
  });
});
