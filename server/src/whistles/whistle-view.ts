import type { WhistleView } from '@whistle/shared';
import type { Whistle } from './whistle.entity';

export type WhistleSummary = Omit<WhistleView, 'dispatches' | 'leaderDispatches'>;

export function toWhistleSummary(w: Whistle): WhistleSummary {
  return {
    id: w.id,
    incidentId: w.incidentId,
    streetId: w.streetId,
    type: w.type,
    note: w.note,
    blownBy: w.blownById,
    createdAt: w.createdAt.toISOString(),
  };
}
