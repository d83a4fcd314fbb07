import { useTranslation } from 'react-i18next';
import type { ProblemRow } from './boundary-report';
import { problemText } from './problem-text';

interface Props {
  rows: readonly ProblemRow[];
  selectedId: number | null;
  onSelect: (row: ProblemRow) => void;
}

/** The report's problems; one with a place on the map flies there when clicked. */
export function ProblemList({ rows, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('adminImports.boundaries.noProblems')}</p>;
  const area = (m2: number) =>
    t('adminImports.boundaries.area', { area: Math.round(m2).toLocaleString(i18n.language) });
  return (
    <ol className="boundary-problems" data-testid="boundary-problems">
      {rows.map((row) => {
        const { problem } = row;
        return (
          <li key={row.id}>
            <button
              type="button"
              className="boundary-problem"
              data-testid="boundary-problem"
              data-kind={problem.kind}
              aria-pressed={selectedId === row.id}
              disabled={!row.target}
              onClick={() => onSelect(row)}
            >
              <span className={`problem-badge problem-badge--${problem.kind}`}>
                {t(`adminImports.boundaries.kinds.${problem.kind}`)}
              </span>
              <span className="boundary-problem__codes">{problem.codes.join(' · ')}</span>
              {problem.areaM2 !== undefined && (
                <span className="boundary-problem__area">{area(problem.areaM2)}</span>
              )}
              <span className="boundary-problem__message">{problemText(t, problem)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
