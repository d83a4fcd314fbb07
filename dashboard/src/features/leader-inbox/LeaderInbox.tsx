import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { countdownTone, runningStage, timeLeftText } from '../dispatches/countdown';
import { DispatchDetail } from '../dispatches/DispatchDetail';
import { SelectableDispatchRow } from '../dispatches/SelectableDispatchRow';
import { useStreetName } from '../reference/useStreetName';
import { chinaDateTime } from '../../lib/china-time';
import { useNow } from '../../lib/useNow';
import '../../styles/desk.css';
import './leader-inbox.css';

interface LeaderInboxProps {
  summons: readonly DispatchView[];
  loading: boolean;
  error: boolean;
  selectedId: string | null;
  /** Summons that alerted and are not opened yet. */
  fresh: ReadonlySet<string>;
  onOpen: (id: string) => void;
}

/**
 * 攻坚哨待办: the tough whistles summoning this leader, each with its running deadline; the one
 * opened shows the department's own detail pane (stage clocks, accept / report in / resolve).
 */
export function LeaderInbox({ summons, loading, error, selectedId, fresh, onOpen }: LeaderInboxProps) {
  const { t } = useTranslation();
  const selected = summons.find((d) => d.id === selectedId) ?? null;
  return (
    <section className="leader-inbox" data-testid="leader-inbox" aria-label={t('cockpit.inbox.title')}>
      <div className="leader-inbox__list">
        <p className="leader-inbox__hint">{t('cockpit.inbox.hint')}</p>
        {loading ? (
          <p className="muted">{t('common.loading')}</p>
        ) : error ? (
          <p className="error">{t('common.loadFailed')}</p>
        ) : summons.length === 0 ? (
          <p className="muted" data-testid="inbox-empty">
            {t('cockpit.inbox.empty')}
          </p>
        ) : (
          <SummonsTable rows={summons} selectedId={selectedId} fresh={fresh} onOpen={onOpen} />
        )}
      </div>
      <div className="leader-inbox__detail">
        {selected ? (
          <DispatchDetail dispatch={selected} />
        ) : (
          <p className="muted">{t('cockpit.inbox.pickOne')}</p>
        )}
      </div>
    </section>
  );
}

function SummonsTable({
  rows,
  selectedId,
  fresh,
  onOpen,
}: {
  rows: readonly DispatchView[];
  selectedId: string | null;
  fresh: ReadonlySet<string>;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const streetName = useStreetName();
  const now = useNow(1000);
  return (
    <table className="table table--rows">
      <thead>
        <tr>
          <th>{t('cockpit.inbox.column.incident')}</th>
          <th>{t('cockpit.inbox.column.street')}</th>
          <th>{t('cockpit.inbox.column.status')}</th>
          <th>{t('cockpit.inbox.column.stage')}</th>
          <th>{t('cockpit.inbox.column.createdAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => {
          const stage = runningStage(d);
          const tone = stage ? countdownTone(stage, now) : null;
          return (
            <SelectableDispatchRow
              key={d.id}
              dispatch={d}
              testId="inbox-row"
              selected={d.id === selectedId}
              fresh={fresh.has(d.id)}
              overdue={tone === 'over'}
              onOpen={onOpen}
            >
              <td className="row-title">{d.incident.title}</td>
              <td>{streetName(d.streetId)}</td>
              <td>
                <span className={`dk-status dk-status--${d.status}`}>{t(`dispatchStatus.${d.status}`)}</span>
              </td>
              <td>
                {stage ? (
                  <span className={`leader-due leader-due--${tone ?? 'ok'}`} data-testid="inbox-countdown">
                    {t(`stage.${stage.stage}`)} · {timeLeftText(t, stage.dueAt, now)}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="leader-inbox__time">{chinaDateTime(d.createdAt)}</td>
            </SelectableDispatchRow>
          );
        })}
      </tbody>
    </table>
  );
}
