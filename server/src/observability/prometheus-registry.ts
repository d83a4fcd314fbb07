import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The app's own registry, not prom-client's global one: tests boot several apps in one process,
 * and each must be able to register the same metric names.
 */
export const PROMETHEUS_REGISTRY = Symbol('PROMETHEUS_REGISTRY');

export function createPrometheusRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
