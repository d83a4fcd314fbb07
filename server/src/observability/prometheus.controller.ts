import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../auth/decorators';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

/** The Prometheus scrape endpoint, outside the `api` prefix and the auth guard, like /health. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class PrometheusController {
  constructor(@Inject(PROMETHEUS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
