import { useTranslation } from 'react-i18next';
import { INCIDENT_COLOR_MODES, STATE_LEGEND, stateColor, type IncidentColorMode } from './incident-colors';
import { MAP_COLORS } from './layers/theme';

/** Over the map: colour incidents by category or by state, with the key to the rings. */
export function MapToolbar({
  mode,
  onMode,
}: {
  mode: IncidentColorMode;
  onMode: (mode: IncidentColorMode) => void;
}) {
  const { t } = useTranslation();
  const label = (m: IncidentColorMode) =>
    m === 'category' ? t('wall.colorByCategory') : t('wall.colorByState');
  return (
    <div className="map-toolbar">
      <div className="map-toolbar__modes" role="group" aria-label={t('wall.colorBy')}>
        {INCIDENT_COLOR_MODES.map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={m === mode}
            className={m === mode ? 'is-active' : undefined}
            data-testid={`color-mode-${m}`}
            onClick={() => onMode(m)}
          >
            {label(m)}
          </button>
        ))}
      </div>
      <ul className="map-legend">
        {mode === 'state' &&
          STATE_LEGEND.map((s) => (
            <li key={s}>
              <i style={{ background: stateColor(s) }} />
              {t(`incidentStatus.${s}`)}
            </li>
          ))}
        <li>
          <i className="ring" style={{ borderColor: MAP_COLORS.incidentUrgent }} />
          {t('wall.legendUrgent')}
        </li>
        <li>
          <i className="ring" style={{ borderColor: MAP_COLORS.incidentOverdue }} />
          {t('wall.legendOverdue')}
        </li>
        <li>
          <i className="diamond" />
          {t('wallPlus.whistleLegend')}
        </li>
      </ul>
    </div>
  );
}
