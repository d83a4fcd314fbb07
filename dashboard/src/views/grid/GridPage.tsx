import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useGridIncidents } from '../../features/incidents/incident-queries';
import { IncidentCards } from '../../features/incidents/IncidentCards';
import { ConnectionIndicator } from '../../features/live/ConnectionIndicator';
import { useLiveEvents } from '../../features/live/LiveProvider';
import type { AnyLiveEvent } from '../../features/live/types';
import type { ReportAnswer } from '../../features/reports/report-api';
import { ReportForm } from '../../features/reports/ReportForm';
import { ReportResult } from '../../features/reports/ReportResult';
import { useSignedIn } from '../../features/session/SessionProvider';
import { UserMenu } from '../../features/session/UserMenu';
import { SiteCheckCards } from '../../features/site-checks/SiteCheckCards';
import { queryKeys } from '../../lib/api/query-keys';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { awaitingVerification, myReports } from './grid-lists';
import './grid.css';

const TABS = ['report', 'mine', 'verify'] as const;
type Tab = (typeof TABS)[number];

/** 网格员: a phone page with three tabs — report a problem, my reports, fixes to check on site. */
export function GridPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [tab, setTab] = useState<Tab>('report');
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  // A new key remounts the form: a fresh report starts empty.
  const [formKey, setFormKey] = useState(0);
  const incidents = useGridIncidents();
  const client = useQueryClient();

  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      if (events.some((e) => e.type === 'incident.created' || e.type === 'incident.updated')) {
        void client.invalidateQueries({ queryKey: queryKeys.incidents.gridWorkerList() });
      }
    },
    [client],
  );
  useLiveEvents(onEvents);

  const items = useMemo(() => incidents.data?.items ?? [], [incidents.data]);
  const mine = useMemo(() => myReports(items), [items]);
  const toCheck = useMemo(() => awaitingVerification(items, user.gridIds), [items, user.gridIds]);
  const counts: Record<Tab, number | null> = { report: null, mine: mine.length, verify: toCheck.length };

  return (
    <div className="phone" data-testid="view-grid">
      <header className="phone-header">
        <div>
          <h1>{t('gridWorker.title')}</h1>
          <span className="phone-header__user" data-testid="current-user">
            {user.displayName} · {t('gridWorker.gridCount', { count: user.gridIds.length })}
          </span>
        </div>
        <div className="phone-header__tools">
          <ConnectionIndicator />
          <LanguageToggle />
          <UserMenu />
        </div>
      </header>
      <nav className="phone-tabs" role="tablist">
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'is-active' : undefined}
            data-testid={`grid-tab-${key}`}
            onClick={() => setTab(key)}
          >
            {t(`gridWorker.tabs.${key}`)}
            {counts[key] ? <span className="phone-tabs__count">{counts[key]}</span> : null}
          </button>
        ))}
      </nav>
      <main className="phone-main">
        {tab === 'report' &&
          (answer ? (
            <ReportResult
              answer={answer}
              onAnother={() => {
                setAnswer(null);
                setFormKey((k) => k + 1);
              }}
            />
          ) : (
            <ReportForm key={formKey} onReported={setAnswer} />
          ))}
        {tab !== 'report' && incidents.isPending && <p className="hint">{t('common.loading')}</p>}
        {tab !== 'report' && incidents.isError && <p className="field__error">{t('common.loadFailed')}</p>}
        {tab === 'mine' &&
          incidents.data &&
          (mine.length > 0 ? (
            <IncidentCards incidents={mine} testId="my-reports" />
          ) : (
            <p className="hint">{t('gridWorker.mine.empty')}</p>
          ))}
        {tab === 'verify' && incidents.data && (
          <>
            <p className="notice">{t('gridWorker.verify.notice')}</p>
            {toCheck.length > 0 ? (
              <SiteCheckCards incidents={toCheck} />
            ) : (
              <p className="hint">{t('gridWorker.verify.empty')}</p>
            )}
          </>
        )}
      </main>
    </div>
  );
}
