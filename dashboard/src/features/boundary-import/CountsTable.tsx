import { useTranslation } from 'react-i18next';
import type { BoundaryImportReport } from '@whistle/shared';
import { LAYERS } from './boundary-files';

const COLUMNS = ['inserted', 'updated', 'unchanged'] as const;

/** Per layer: how many features the import adds, changes and leaves as they are. */
export function CountsTable({ counts }: { counts: BoundaryImportReport['counts'] | null }) {
  const { t } = useTranslation();
  if (!counts) return null;
  return (
    <table
      className="boundary-counts"
      data-testid="boundary-counts"
      aria-label={t('adminImports.boundaries.countsTitle')}
    >
      <thead>
        <tr>
          <th>{t('adminImports.boundaries.countsHeader.layer')}</th>
          {COLUMNS.map((c) => (
            <th key={c}>{t(`adminImports.boundaries.countsHeader.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LAYERS.map((layer) => (
          <tr key={layer} data-layer={layer}>
            <th scope="row">{t(`adminImports.boundaries.layers.${layer}`)}</th>
            {COLUMNS.map((c) => (
              <td key={c} className="num">
                {counts[layer][c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
