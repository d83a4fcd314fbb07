import { createHash } from 'node:crypto';
import {
  METRICS_SECTIONS,
  type MetricsSection,
  type MetricsSummary,
  type MetricsUpdate,
} from '@whistle/shared';

export type SectionFingerprints = Partial<Record<MetricsSection, string>>;

/**
 * Identifies each section of a summary by its content, so the pusher can tell which of them a
 * client would see changed since the last push. Hashed: they are stored in Redis per district.
 */
export function sectionFingerprints(summary: MetricsSummary): Record<MetricsSection, string> {
  const entries = METRICS_SECTIONS.map((section) => [
    section,
    createHash('sha1').update(JSON.stringify(summary[section])).digest('base64'),
  ]);
  return Object.fromEntries(entries) as Record<MetricsSection, string>;
}

/** The push for `summary` after one whose sections had `pushed`; null when nothing changed. */
export function updateSince(
  summary: MetricsSummary,
  now: Record<MetricsSection, string>,
  pushed: SectionFingerprints,
): MetricsUpdate | null {
  const changed = METRICS_SECTIONS.filter((section) => now[section] !== pushed[section]);
  if (changed.length === 0) return null;
  const update: MetricsUpdate = { generatedAt: summary.generatedAt, scope: summary.scope };
  for (const section of changed) Object.assign(update, { [section]: summary[section] });
  return update;
}
