import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DispatchTimings } from './dispatch-timings';
import { dispatchStatusGaugeProvider } from './dispatch-status-gauge';
import { HealthController } from './health.controller';
import { createPrometheusRegistry, PROMETHEUS_REGISTRY } from './prometheus-registry';
import { PrometheusServer } from './prometheus-server';
import { queueDepthGaugeProvider } from './queue-depth-gauge';
import { RedisHealthIndicator } from './redis-health.indicator';
import { SocketGauge } from './socket-gauge';

/** /health, the Prometheus scrape endpoint on its own port, and the instruments other modules feed. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [
    { provide: PROMETHEUS_REGISTRY, useFactory: createPrometheusRegistry },
    DispatchTimings,
    SocketGauge,
    dispatchStatusGaugeProvider,
    queueDepthGaugeProvider,
    RedisHealthIndicator,
    PrometheusServer,
  ],
  exports: [DispatchTimings, SocketGauge, PROMETHEUS_REGISTRY, PrometheusServer],
})
export class ObservabilityModule {}
