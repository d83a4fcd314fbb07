import type { Audit, Findings } from './audit';
import type { FaultKind, FaultOutcome } from './faults';

const FINDINGS = [
  'lost',
  'doubled',
  'leaked',
  'missed',
  'firedTwice',
  'http500',
  'slow',
  'eventsMissed',
] as const;
type Counts = Record<(typeof FINDINGS)[number], number>;

/** One row per kind of fault, in the terms; findings are put down to the fault whose window they fall in. */
export interface FaultRow extends Counts {
  fault: FaultKind | 'none (before the first fault)';
  count: number;
  /** Until a whistle went through end to end again: the slowest of this kind, seconds. */
  recovery_s_max: number | null;
  /** Until the process answered again (kills and terms), the slowest, seconds. */
  process_back_s_max: number | null;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

function countsIn(findings: Findings, from: number, to: number): Counts {
  const within = (list: number[]) => list.filter((at) => at >= from && at < to).length;
  return Object.fromEntries(FINDINGS.map((f) => [f, within(findings[f])])) as Counts;
}

/** Each fault's window runs from its injection to the next one's; the last one's to the end. */
export function faultRows(outcomes: FaultOutcome[], findings: Findings): FaultRow[] {
  const starts = outcomes.map((o) => o.injectedAt);
  const windows = outcomes.map((o, i) => ({ o, from: o.injectedAt, to: starts[i + 1] ?? Infinity }));
  const rows: FaultRow[] = [
    {
      fault: 'none (before the first fault)',
      count: 0,
      recovery_s_max: null,
      process_back_s_max: null,
      ...countsIn(findings, 0, starts[0] ?? Infinity),
    },
  ];
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  for (const kind of kinds) {
    const mine = windows.filter((w) => w.o.kind === kind);
    const counts = mine.map((w) => countsIn(findings, w.from, w.to));
    const backs = mine.map((w) => w.o.processBackMs).filter((v): v is number => v !== null);
    rows.push({
      fault: kind,
      count: mine.length,
      recovery_s_max: seconds(Math.max(...mine.map((w) => w.o.recoveryMs))),
      process_back_s_max: backs.length ? seconds(Math.max(...backs)) : null,
      ...(Object.fromEntries(FINDINGS.map((f) => [f, counts.reduce((sum, c) => sum + c[f], 0)])) as Counts),
    });
  }
  return rows;
}

export function totalsOf(audit: Audit): Counts & { outboxUndelivered: number; workErrors: number } {
  return {
    ...(Object.fromEntries(FINDINGS.map((f) => [f, audit.findings[f].length])) as Counts),
    outboxUndelivered: audit.outboxUndelivered,
    workErrors: audit.workErrors.length,
  };
}

/** Every count the issue names must be 0, and every fault must have recovered. */
export function passed(audit: Audit, outcomes: FaultOutcome[]): boolean {
  const totals = totalsOf(audit);
  return Object.values(totals).every((n) => n === 0) && outcomes.every((o) => Number.isFinite(o.recoveryMs));
}

export function printTable(rows: FaultRow[]): void {
  const header = [
    'fault',
    'n',
    'recovery s',
    'process s',
    'lost',
    'doubled',
    'leaked',
    'missed',
    'twice',
    '500s',
    '>10 s',
    'ev. missed',
  ];
  const body = rows.map((r) => [
    r.fault,
    String(r.count),
    r.recovery_s_max === null ? '—' : String(r.recovery_s_max),
    r.process_back_s_max === null ? '—' : String(r.process_back_s_max),
    ...[r.lost, r.doubled, r.leaked, r.missed, r.firedTwice, r.http500, r.slow, r.eventsMissed].map(String),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of body) console.log(line(row));
}
