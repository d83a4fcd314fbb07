import { useTranslation } from 'react-i18next';
import type { RankingRow } from '@whistle/shared';

/** Rows the wall's right column has room for under the open whistles. */
export const WALL_RANKING_ROWS = 8;

/**
 * The wall's department ranking (部门排名): the live district-wide scores of the pushed summary,
 * best first, with a bar for the score. Rows are keyed by department, so a push that changes a
 * score moves its bar and leaves the rest of the panel alone.
 */
export function WallDepartmentRanking({ ranking }: { ranking: readonly RankingRow[] | undefined }) {
  const { t, i18n } = useTranslation();
  const rows = [...(ranking ?? [])].sort((a, b) => a.rank - b.rank).slice(0, WALL_RANKING_ROWS);
  return (
    <section className="wall-panel wall-ranking" data-testid="wall-department-ranking">
      <h2>{t('wallPlus.ranking.title')}</h2>
      {ranking && rows.length === 0 && <p className="muted">{t('wallPlus.ranking.empty')}</p>}
      <ol className="wall-ranking__rows">
        {rows.map((row) => (
          <li key={row.id} className={row.rank <= 3 ? 'is-top' : undefined} data-id={row.id}>
            <span className="wall-ranking__rank">{row.rank}</span>
            <span className="wall-ranking__name">{i18n.language === 'en' ? row.nameEn : row.nameZh}</span>
            <span className="wall-ranking__track">
              <span
                className="wall-ranking__bar"
                style={{ width: `${Math.max(0, Math.min(100, row.score))}%` }}
              />
            </span>
            <span className="wall-ranking__score">
              {t('wallPlus.ranking.score', { score: row.score.toFixed(1) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
