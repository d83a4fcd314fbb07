import { createHash } from 'node:crypto';
import type { MetricsSummary } from '@whistle/shared';

/**
 * Identifies a summary's content, ignoring when it was generated, so the pusher can tell whether
 * anything a client would see has changed. Hashed: it is stored in Redis for every district.
 */
export function summaryFingerprint(summary: MetricsSummary): string {
  const { generatedAt: _generatedAt, ...content } = summary;
  return createHash('sha1').update(JSON.stringify(content)).digest('base64');
}
