import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryImportReport, BoundaryLayer } from '@whistle/shared';
import { chinaDateTime } from '../../lib/china-time';
import { Dialog } from '../../lib/ui/Dialog';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { FilePicker } from '../../lib/ui/FilePicker';
import { fieldErrorsOf, FormField } from '../../lib/ui/FormField';
import { useBasemap, useBoundaries } from '../map/boundary-queries';
import { useGrids } from '../reference/reference-queries';
import { LAYERS, loadLayer, type LoadedLayers } from './boundary-files';
import { useImportBoundaries, useValidateBoundaries } from './boundary-import-api';
import {
  boundsOf,
  joinBounds,
  problemRows,
  totalCounts,
  type Bounds,
  type ProblemRow,
} from './boundary-report';
import type { MapFocus } from './BoundaryReportMap';
import { CountsTable } from './CountsTable';
import { ProblemList } from './ProblemList';
import './boundary-import.css';

// MapLibre is most of a megabyte: it loads with this section, not with the app.
const BoundaryReportMap = lazy(() =>
  import('./BoundaryReportMap').then((m) => ({ default: m.BoundaryReportMap })),
);

const NO_BASEMAP = { styleUrl: null, pmtilesUrl: null };

/** The box around everything the chosen files draw. */
function uploadedBounds(layers: LoadedLayers): Bounds | null {
  return joinBounds(
    LAYERS.map((layer) =>
      boundsOf(
        layers[layer]?.collection?.features.map(
          (f) => (f.geometry as { coordinates?: unknown } | null)?.coordinates,
        ),
      ),
    ),
  );
}

/**
 * Streets, communities and grids from GeoJSON: choose the layer files, check them (the server's
 * dry run), see the overlaps and gaps on the map beside the stored boundaries, then confirm the
 * import, which the server applies whole or not at all.
 */
export function BoundariesAdmin() {
  const { t } = useTranslation();
  const [layers, setLayers] = useState<LoadedLayers>({});
  const [formKey, setFormKey] = useState(0);
  const [needOne, setNeedOne] = useState(false);
  const [report, setReport] = useState<BoundaryImportReport | null>(null);
  const [importedAt, setImportedAt] = useState<Date | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const validate = useValidateBoundaries();
  const importer = useImportBoundaries();
  const basemap = useBasemap();
  const streets = useBoundaries('streets');
  const communities = useBoundaries('communities');
  const grids = useGrids();

  const uploaded = useMemo(
    () => Object.fromEntries(LAYERS.map((l) => [l, layers[l]?.collection ?? null])),
    [layers],
  );
  const rows = useMemo(() => (report ? problemRows(report, uploaded) : []), [report, uploaded]);
  const error = validate.error ?? importer.error;
  const fieldErrors = fieldErrorsOf(error);
  const flyTo = (bounds: Bounds | null, surroundings = false) => {
    if (bounds) setFocus((f) => ({ bounds, surroundings, seq: (f?.seq ?? 0) + 1 }));
  };

  const resetVerdict = () => {
    setReport(null);
    setImportedAt(null);
    setSelectedId(null);
    validate.reset();
    importer.reset();
  };
  const choose = async (layer: BoundaryLayer, file: File | undefined) => {
    const loaded = file ? await loadLayer(file) : undefined;
    const next = { ...layers };
    if (loaded) next[layer] = loaded;
    else delete next[layer];
    setLayers(next);
    setNeedOne(false);
    resetVerdict();
    flyTo(uploadedBounds(next));
  };
  const clear = () => {
    setLayers({});
    setFormKey((k) => k + 1);
    resetVerdict();
    setFocus(null);
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    const chosen = LAYERS.filter((l) => layers[l]);
    if (chosen.length === 0) {
      setNeedOne(true);
      return;
    }
    if (chosen.some((l) => layers[l]?.problem)) return;
    resetVerdict();
    validate.mutate(layers, {
      onSuccess: (result) => {
        setReport(result);
        const shown = problemRows(result, uploaded);
        const problems = joinBounds(shown.map((r) => r.target));
        if (problems) flyTo(problems, true);
        else flyTo(uploadedBounds(layers));
      },
    });
  };
  const confirmImport = () =>
    importer.mutate(layers, {
      onSuccess: (result) => {
        setConfirming(false);
        setReport(result);
        if (result.applied) setImportedAt(new Date());
      },
      onError: () => setConfirming(false),
    });

  const totals = report ? totalCounts(report.counts) : null;
  const busy = validate.isPending || importer.isPending;
  return (
    <section className="boundaries-admin" data-testid="boundaries-admin">
      <div className="boundaries-admin__side">
        <h2>{t('adminImports.boundaries.title')}</h2>
        <p className="muted boundaries-admin__intro">{t('adminImports.boundaries.intro')}</p>
        <form key={formKey} className="boundaries-admin__form" onSubmit={check} noValidate>
          {LAYERS.map((layer) => {
            const loaded = layers[layer];
            const local = loaded?.problem ? [t(`adminImports.boundaries.${loaded.problem}`)] : [];
            return (
              <FormField
                key={layer}
                label={t(`adminImports.boundaries.layers.${layer}`)}
                hint={
                  loaded?.collection
                    ? t('adminImports.boundaries.features', { count: loaded.collection.features.length })
                    : t('adminImports.boundaries.layerHint')
                }
                errors={[...local, ...(fieldErrors[layer] ?? [])]}
                testId={`boundary-field-${layer}`}
              >
                <FilePicker
                  accept=".geojson,.json,application/geo+json,application/json"
                  fileName={loaded?.file.name ?? null}
                  buttonLabel={t('adminImports.chooseFile')}
                  emptyLabel={t('adminImports.noFile')}
                  testId={`boundary-file-${layer}`}
                  disabled={busy}
                  onChange={(file) => void choose(layer, file)}
                />
              </FormField>
            );
          })}
          {(needOne || fieldErrors.body) && (
            <p className="form-field__error" role="alert">
              {t('adminImports.boundaries.needOne')}
            </p>
          )}
          <div className="boundaries-admin__actions">
            <button type="submit" className="primary" disabled={busy} data-testid="boundary-check">
              {validate.isPending
                ? t('adminImports.boundaries.checking')
                : t('adminImports.boundaries.check')}
            </button>
            <button type="button" onClick={clear} disabled={busy}>
              {t('adminImports.boundaries.clear')}
            </button>
          </div>
        </form>
        {error && Object.keys(fieldErrors).length === 0 && <ErrorBox error={error} />}
        {report && totals && (
          <div
            className="boundary-verdict"
            data-testid="boundary-verdict"
            data-ok={report.ok}
            data-applied={report.applied}
          >
            {report.applied ? (
              <div className="verdict verdict--done" role="status">
                <strong>{t('adminImports.boundaries.importedTitle')}</strong>
                <span>
                  {t('adminImports.boundaries.importedBody', {
                    time: chinaDateTime(importedAt ?? new Date()),
                    inserted: totals.inserted,
                    updated: totals.updated,
                  })}
                </span>
              </div>
            ) : report.ok ? (
              <div className="verdict verdict--ok" role="status">
                <strong>{t('adminImports.boundaries.okTitle')}</strong>
              </div>
            ) : (
              <div className="verdict verdict--refused" role="alert">
                <strong>
                  {importer.isSuccess
                    ? t('adminImports.boundaries.refusedOnImport', { count: report.problems.length })
                    : t('adminImports.boundaries.refusedTitle', { count: report.problems.length })}
                </strong>
              </div>
            )}
            <CountsTable counts={report.counts} />
            {report.ok && !report.applied && (
              <button
                type="button"
                className="primary"
                onClick={() => setConfirming(true)}
                disabled={busy}
                data-testid="boundary-import"
              >
                {t('adminImports.boundaries.importButton')}
              </button>
            )}
            {!report.ok && (
              <>
                <h3>{t('adminImports.boundaries.problemsTitle')}</h3>
                <p className="muted small">{t('adminImports.boundaries.problemsHint')}</p>
                <ProblemList
                  rows={rows}
                  selectedId={selectedId}
                  onSelect={(row: ProblemRow) => {
                    setSelectedId(row.id);
                    flyTo(row.target, true);
                  }}
                />
              </>
            )}
          </div>
        )}
      </div>
      <div className="boundaries-admin__map">
        {basemap.isSuccess ? (
          <Suspense fallback={null}>
            <BoundaryReportMap
              basemap={basemap.data ?? NO_BASEMAP}
              current={{ streets: streets.data, communities: communities.data, grids: grids.data }}
              uploaded={layers}
              rows={rows}
              selectedId={selectedId}
              focus={focus}
            />
          </Suspense>
        ) : null}
        {LAYERS.every((l) => !layers[l]) && (
          <p className="boundaries-admin__map-hint">{t('adminImports.boundaries.mapEmpty')}</p>
        )}
      </div>
      {confirming && totals && (
        <Dialog
          title={t('adminImports.boundaries.confirmTitle')}
          onClose={() => setConfirming(false)}
          onSubmit={confirmImport}
          submitLabel={
            importer.isPending
              ? t('adminImports.boundaries.importing')
              : t('adminImports.boundaries.importButton')
          }
          submitting={importer.isPending}
          submitTestId="boundary-import-confirm"
        >
          <p>{t('adminImports.boundaries.confirmBody', { ...totals })}</p>
          <CountsTable counts={report?.counts ?? null} />
        </Dialog>
      )}
    </section>
  );
}
