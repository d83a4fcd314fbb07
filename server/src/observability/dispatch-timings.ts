import { Inject, Injectable } from '@nestjs/common';
import type { Stage } from '@whistle/shared';
import { Histogram, Registry } from 'prom-client';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

/** From the 5-minute emergency accept limit up to the 15-day tough-problem resolve limit. */
export const STAGE_DURATION_BUCKETS_SECONDS = [
  60, 300, 600, 1_800, 3_600, 7_200, 14_400, 43_200, 86_400, 259_200, 604_800, 1_296_000, 2_592_000,
];

/** Time from dispatch to each stage being met, observed by the dispatch service as it happens. */
@Injectable()
export class DispatchTimings {
  private readonly histograms: Record<Stage, Histogram>;

  constructor(@Inject(PROMETHEUS_REGISTRY) registry: Registry) {
    const histogram = (stage: Stage) =>
      new Histogram({
        name: `whistle_time_to_${stage}_seconds`,
        help: `Seconds from dispatch to ${stage}`,
        buckets: STAGE_DURATION_BUCKETS_SECONDS,
        registers: [registry],
      });
    this.histograms = {
      accept: histogram('accept'),
      arrive: histogram('arrive'),
      resolve: histogram('resolve'),
    };
  }

  observe(stage: Stage, seconds: number): void {
    // A clock skew between nodes must not put a negative duration into the histogram.
    if (Number.isFinite(seconds)) this.histograms[stage].observe(Math.max(0, seconds));
  }
}
