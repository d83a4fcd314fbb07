import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BoundaryImportReport } from '@whistle/shared';
import { apiErrorOf } from '../../lib/api/api-error';
import { authorizedFetch } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { layersForm, type LoadedLayers } from './boundary-files';

/**
 * Sends the chosen layer files as multipart (a district's grids run to megabytes). The check
 * answers 200 either way; an import the server refuses answers 422 with the same report, which
 * is a verdict to show, not a failure.
 */
async function send(action: 'validate' | 'import', layers: LoadedLayers): Promise<BoundaryImportReport> {
  const response = await authorizedFetch(`/api/boundaries/${action}`, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: layersForm(layers),
  });
  if (response.status === 422) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { report?: BoundaryImportReport } | null;
    if (body?.report) return body.report;
  }
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as BoundaryImportReport;
}

export function useValidateBoundaries() {
  return useMutation({ mutationFn: (layers: LoadedLayers) => send('validate', layers) });
}

/** After an import every map and picker reloads the places it draws from. */
export function useImportBoundaries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (layers: LoadedLayers) => send('import', layers),
    onSuccess: async (report) => {
      if (!report.applied) return;
      await Promise.all(
        [
          queryKeys.grids(),
          queryKeys.boundaries('streets'),
          queryKeys.boundaries('communities'),
          queryKeys.streets.all(),
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
}
