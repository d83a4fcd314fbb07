import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

/** Sockets connected to this node; the gateway sets it on every connect and disconnect. */
@Injectable()
export class SocketGauge {
  private readonly gauge: Gauge;

  constructor(@Inject(PROMETHEUS_REGISTRY) registry: Registry) {
    this.gauge = new Gauge({
      name: 'whistle_connected_sockets',
      help: 'Socket.io clients connected to this node',
      registers: [registry],
    });
  }

  set(n: number): void {
    this.gauge.set(n);
  }
}
