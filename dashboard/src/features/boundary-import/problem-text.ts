import type { TFunction } from 'i18next';
import type { BoundaryProblem, MessageParams } from '@whistle/shared';
import { codedMessageText } from '../../lib/ui/coded-message';

/**
 * A boundary problem in the UI language: its layer by the layer's name, and a ring as "ring 1" or
 * "polygon 2 ring 1". Unknown codes show the server's message.
 */
export function problemText(t: TFunction, problem: BoundaryProblem): string {
  const params: MessageParams = problem.params ?? {};
  const extra: Record<string, string> = {};
  const { layer, polygon, ring } = params;
  if (layer === 'streets' || layer === 'communities' || layer === 'grids')
    extra.layer = t(`adminImports.boundaries.layers.${layer}`);
  if (ring !== undefined)
    extra.part =
      polygon === undefined
        ? t('adminImports.boundaries.ring', { ring })
        : t('adminImports.boundaries.ringOfPolygon', { polygon, ring });
  return codedMessageText(t, 'adminImports.boundaries.messages', problem, extra);
}
