import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { commit } from '../lib/cli';
import type { Audit } from './audit';
import type { FaultOutcome } from './faults';
import { APIS, SLOW_ACCEPT_MINUTES, WORKERS, type RunProfile } from './profile';
import { faultRows, passed, printTable, totalsOf } from './report';

/** Prints the run's table and totals, and writes them to `out` (bench/results/chaos-latest.json). */
export function writeResults(
  profile: RunProfile,
  outcomes: FaultOutcome[],
  result: Audit,
  out: string,
): void {
  const rows = faultRows(outcomes, result.findings);
  const totals = totalsOf(result);
  console.log('');
  printTable(rows);
  console.log('');
  console.log(
    `${result.whistles} whistles, ${result.dispatches} dispatches, ${result.requests} requests ` +
      `(${result.retried} refused or 502/503/504, retried with the same key), ${result.eventsReceived} events received, ` +
      `${result.reconnects} reconnects, ${result.truncatedReplays} truncated replays; ` +
      `${result.deadlinesDue} accept deadlines passed, outbox undelivered ${result.outboxUndelivered}`,
  );
  for (const message of result.workErrors.slice(0, 10)) console.log(`  work error: ${message}`);
  for (const text of result.examples) console.log(`  ${text}`);
  const ok = passed(result, outcomes);
  console.log(ok ? 'PASSED: every count is 0 and every fault recovered' : 'FAILED: see the counts above');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        profile: profile.name,
        commit: commit(),
        finished_at: new Date().toISOString(),
        machine: { cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30) },
        cluster: { apis: APIS, workers: WORKERS },
        load: {
          streets: profile.streets,
          departments: profile.departments,
          whistle_every_ms: profile.whistleEveryMs,
          slow_share: profile.slowShare,
          slow_accept_minutes: SLOW_ACCEPT_MINUTES,
        },
        passed: ok,
        totals: {
          whistles: result.whistles,
          dispatches: result.dispatches,
          requests: result.requests,
          retried: result.retried,
          events_received: result.eventsReceived,
          reconnects: result.reconnects,
          truncated_replays: result.truncatedReplays,
          deadlines_due: result.deadlinesDue,
          ...totals,
        },
        work_errors: result.workErrors,
        faults: rows,
        injections: outcomes.map((o) => ({
          kind: o.kind,
          target: o.target,
          injected_at: new Date(o.injectedAt).toISOString(),
          down_s: Math.round((o.restoredAt - o.injectedAt) / 100) / 10,
          exited_after_s: o.exitedAfterMs === null ? null : Math.round(o.exitedAfterMs / 100) / 10,
          process_back_s: o.processBackMs === null ? null : Math.round(o.processBackMs / 100) / 10,
          recovery_s: Number.isFinite(o.recoveryMs) ? Math.round(o.recoveryMs / 100) / 10 : null,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written to ${out}`);
}
