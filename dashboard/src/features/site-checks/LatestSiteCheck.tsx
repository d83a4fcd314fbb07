import { useTranslation } from 'react-i18next';
import type { IncidentDetail, SiteCheckView } from '@whistle/shared';
import { chinaDateTime } from '../../lib/china-time';
import { usePhotos, type PhotoSummary } from '../photos/photo-api';
import { Thumb } from '../photos/PhotoThumbs';
import './latest-site-check.css';

/**
 * The photos of a check: uploaded by the checker, outside any dispatch, once the check was in
 * (the grid worker's page sends the check first, then its photos).
 */
export function checkPhotos(photos: readonly PhotoSummary[], check: SiteCheckView): PhotoSummary[] {
  const from = Date.parse(check.checkedAt);
  return photos.filter(
    (p) => p.uploadedById === check.checkedById && p.dispatchId === null && Date.parse(p.createdAt) >= from,
  );
}

/** Who made the check, from the incident's timeline (the check itself carries only an id). */
function checkerName(incident: IncidentDetail, check: SiteCheckView): string | null {
  const entry = incident.timeline.find((e) => e.actor?.id === check.checkedById);
  return entry?.actor?.displayName ?? null;
}

/**
 * 网格员现场核查, shown in the street's incident pane before the operator verifies: the grid
 * worker's latest on-site check — fixed or not, the note, when, and its photos.
 */
export function LatestSiteCheck({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const check = incident.lastSiteCheck ?? null;
  const photos = usePhotos(check ? incident.id : null);
  if (!check)
    return (
      <p className="muted" data-testid="site-check-none">
        {t('cockpit.siteCheck.none')}
      </p>
    );
  const own = checkPhotos(photos.data ?? [], check);
  const checker = checkerName(incident, check);
  return (
    <div
      className={`latest-check latest-check--${check.fixed ? 'fixed' : 'not-fixed'}`}
      data-testid="latest-site-check"
    >
      <div className="latest-check__head">
        <strong data-testid="latest-site-check-result">
          {check.fixed ? t('cockpit.siteCheck.fixed') : t('cockpit.siteCheck.notFixed')}
        </strong>
        <span className="latest-check__when">
          {checker ? `${checker} · ` : ''}
          {t('cockpit.siteCheck.checkedAt')} {chinaDateTime(check.checkedAt)}
        </span>
      </div>
      {check.note && (
        <p className="latest-check__note">
          {t('cockpit.siteCheck.note')}：{check.note}
        </p>
      )}
      {own.length > 0 ? (
        <div className="thumbs" aria-label={t('cockpit.siteCheck.photos')}>
          {own.map((p) => (
            <Thumb key={p.id} photo={p} />
          ))}
        </div>
      ) : (
        <p className="muted small">{t('cockpit.siteCheck.noPhotos')}</p>
      )}
    </div>
  );
}
