import { Logger, type Provider } from '@nestjs/common';
import { DISPATCH_STATUSES, type DispatchStatus } from '@whistle/shared';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

const logger = new Logger('DispatchStatusGauge');

/** Dispatches by status, counted in PostgreSQL at scrape time so every node reports the truth. */
export function registerDispatchStatusGauge(registry: Registry, dataSource: DataSource): Gauge {
  return new Gauge({
    name: 'whistle_dispatches',
    help: 'Dispatches by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      try {
        const rows = await dataSource.query<{ status: DispatchStatus; count: number }[]>(
          'SELECT status, count(*)::int AS count FROM dispatches GROUP BY status',
        );
        const counts = new Map(rows.map((row) => [row.status, row.count]));
        for (const status of DISPATCH_STATUSES) this.set({ status }, counts.get(status) ?? 0);
      } catch (err) {
        // Without the database the series go missing rather than failing the whole scrape.
        this.reset();
        logger.warn(`dispatch counts unavailable: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
}

export const DISPATCH_STATUS_GAUGE = Symbol('DISPATCH_STATUS_GAUGE');

export const dispatchStatusGaugeProvider: Provider = {
  provide: DISPATCH_STATUS_GAUGE,
  inject: [PROMETHEUS_REGISTRY, DataSource],
  useFactory: registerDispatchStatusGauge,
};
