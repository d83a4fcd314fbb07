import type { ProcessUsage } from './server';
import { summarize } from './stats';

/** One row of bench/results/latest.json; field names are the issue's. */
export interface ScenarioResult {
  scenario: 'dispatch' | 'intake' | 'fanout' | 'deadlines' | 'floor' | 'floor-fanout' | 'scale';
  load: string;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  throughput_per_s: number | null;
  errors: number;
  /** The floor's figures on every row, so each can be quoted as a ratio: floor-fanout's on the fanout row, floor's elsewhere. */
  floor_p50_ms: number | null;
  floor_p99_ms: number | null;
  server_rss_mb: number | null;
  /** The server process's CPU time over the scenario's wall time, in % of one core (200 = both cores). */
  server_cpu_pct: number | null;
  /**
   * The server's CPU milliseconds per operation (whistle, incident, deadline): `server_cpu_pct` ×
   * 10 ÷ `throughput_per_s`. Null on the fan-out rows, whose throughput counts socket deliveries.
   */
  cpu_ms_per_op: number | null;
  /** Anything a reader needs to interpret the row (what was timed, from where to where). */
  measures: string;
  /** scale: how many api processes the cluster ran (one row per count). */
  api_processes?: number;
  /** scale: CPU of each process over the reported step, % of one core (bench/lib/cluster-usage.ts). */
  cpu_pct_by_process?: Record<string, number>;
  /** scale: how many whistles nginx passed to each api process over the cluster's whole run. */
  whistles_by_api?: Record<string, number>;
}

export type MeasuredRow = Omit<ScenarioResult, 'floor_p50_ms' | 'floor_p99_ms' | 'cpu_ms_per_op'>;

/** CPU ms per operation of a row whose throughput counts operations (see `cpu_ms_per_op`). */
export function cpuMsPerOp(row: MeasuredRow): number | null {
  if (row.scenario === 'fanout' || row.scenario === 'floor-fanout') return null;
  if (row.server_cpu_pct === null || !row.throughput_per_s) return null;
  return Math.round(((row.server_cpu_pct * 10) / row.throughput_per_s) * 100) / 100;
}

export function latencyFields(
  samples: readonly number[],
): Pick<ScenarioResult, 'p50_ms' | 'p90_ms' | 'p99_ms' | 'max_ms'> {
  const s = summarize(samples);
  return { p50_ms: s.p50, p90_ms: s.p90, p99_ms: s.p99, max_ms: s.max };
}

export function usageFields(usage: ProcessUsage): Pick<ScenarioResult, 'server_rss_mb' | 'server_cpu_pct'> {
  return { server_rss_mb: usage.rssMb, server_cpu_pct: usage.cpuPct };
}
