import { Listeners, post } from '../lib/children';
import type { Profile } from '../lib/profile';
import type { PlannedRequest } from '../lib/protocol';
import { latencyFields, type MeasuredRow, usageFields } from '../lib/result';
import type { UsageSampler } from '../lib/server';
import { sleep } from '../lib/clock';

export const DEPARTMENTS_PER_WHISTLE = 3;

/** The same load against Whistle or against the floor server: who listens where, what is posted. */
export interface DispatchTarget {
  url: string;
  departmentIds: string[];
  officerAuth(departmentId: string): Record<string, string>;
  wallAuth(index: number): Record<string, string>;
  /** The i-th whistle, summoning `departmentIds`. */
  request(i: number, departmentIds: string[]): PlannedRequest;
}

/** Who holds a socket: duty officers of every department and wall screens, over listener processes. */
export type DispatchSockets = Pick<
  Profile['dispatch'],
  'officersPerDepartment' | 'wallScreens' | 'listenerProcesses'
>;

/** What one run of whistles at one rate gave. */
export interface DispatchRun {
  rate: number;
  /** Latency samples: one per summoned officer socket that received its `dispatch.created`. */
  samples: number[];
  /** Whistles answered 2xx. */
  answered: number;
  /** Response time of each whistle answered 2xx: the POST alone, without the event's way out. */
  responseMs: number[];
  /** Whistles answered otherwise, or not at all. */
  requestErrors: number;
  /** Events that never arrived at a summoned officer's socket within 10 s of the last whistle. */
  missing: number;
  /** From the first whistle leaving to the last one answered. */
  elapsedS: number;
  firstError: string | null;
}

/** Departments of the i-th whistle: round-robin so every department is summoned equally often. */
export function departmentsOf(i: number, departmentIds: readonly string[]): string[] {
  return Array.from(
    { length: DEPARTMENTS_PER_WHISTLE },
    (_, k) => departmentIds[(i * DEPARTMENTS_PER_WHISTLE + k) % departmentIds.length],
  );
}

/**
 * Officers' and wall screens' sockets connected from listener processes, and whistles sent at them
 * open-loop from a poster process, run after run (the target's whistles are numbered across runs).
 * Every summoned officer socket's `dispatch.created` is one latency sample, from the moment the POST
 * left to the moment that socket received the event.
 */
export class DispatchLoad {
  private sentSoFar = 0;

  private constructor(
    private readonly target: DispatchTarget,
    private readonly listeners: Listeners,
    private readonly officersPerDepartment: number,
    readonly connected: number,
    readonly failed: number,
  ) {}

  static async open(sockets: DispatchSockets, target: DispatchTarget): Promise<DispatchLoad> {
    const auths = [
      ...target.departmentIds.flatMap((d) =>
        Array.from({ length: sockets.officersPerDepartment }, () => target.officerAuth(d)),
      ),
      ...Array.from({ length: sockets.wallScreens }, (_, i) => target.wallAuth(i)),
    ];
    const { listeners, connected, failed } = await Listeners.connect(
      sockets.listenerProcesses,
      { url: target.url, event: 'dispatch.created', key: 'whistle-department' },
      auths,
    );
    return new DispatchLoad(target, listeners, sockets.officersPerDepartment, connected, failed);
  }

  /** The target's next `count` whistles at `rate` per second; resolves once their events are in. */
  async run(rate: number, count: number): Promise<DispatchRun> {
    const first = this.sentSoFar;
    this.sentSoFar += count;
    const requests = Array.from({ length: count }, (_, k) =>
      this.target.request(first + k, departmentsOf(first + k, this.target.departmentIds)),
    );
    // Receipts still arriving from an earlier run are not this run's.
    await this.listeners.collect();
    const started = performance.now();
    const { sent, firstError } = await post(1, { url: this.target.url, rate, requests });
    const elapsedS = (performance.now() - started) / 1000;
    const ok = sent.filter((s) => s[2] >= 200 && s[2] < 300);
    const sentAt = new Map(ok.map((s) => [s[3], s[0]]));
    const expected = sentAt.size * DEPARTMENTS_PER_WHISTLE * this.officersPerDepartment;
    // Give the last events time to arrive, then stop waiting.
    let receipts: [string, number, number][] = [];
    for (let waited = 0; waited < 10_000; waited += 250) {
      await sleep(250);
      receipts = receipts.concat((await this.listeners.collect()).receipts);
      if (receipts.length >= expected) break;
    }
    const samples: number[] = [];
    for (const [key, at] of receipts) {
      const t0 = sentAt.get(key.split('|')[0]);
      if (t0 !== undefined) samples.push(at - t0);
    }
    return {
      rate,
      samples,
      answered: sentAt.size,
      responseMs: ok.map((s) => s[1]),
      requestErrors: sent.length - sentAt.size,
      missing: Math.max(0, expected - samples.length),
      elapsedS,
      firstError,
    };
  }

  close(): Promise<void> {
    return this.listeners.close();
  }
}

/** Scenarios 1 and 5: one warm-up run, not counted, then the measured run at the profile's rate. */
export async function measureDispatch(
  profile: Profile['dispatch'],
  target: DispatchTarget,
  usage: UsageSampler,
  scenario: 'dispatch' | 'floor',
): Promise<MeasuredRow> {
  const load = await DispatchLoad.open(profile, target);
  try {
    // A fresh process compiles its hot paths and opens its pool's connections during its first
    // seconds under load; that start is run first at the same rate and not counted.
    const warmup = Math.round(profile.rate * profile.warmupSeconds);
    if (warmup > 0) await load.run(profile.rate, warmup);
    usage.take();
    const run = await load.run(profile.rate, Math.round(profile.rate * profile.seconds));
    if (run.firstError) console.warn(`  first request error: ${run.firstError}`);
    return {
      scenario,
      load:
        `${profile.rate} whistles/s × ${DEPARTMENTS_PER_WHISTLE} departments for ${profile.seconds} s ` +
        `(after ${profile.warmupSeconds} s of warm-up); ${socketsText(profile, load, target.departmentIds.length)}`,
      ...latencyFields(run.samples),
      throughput_per_s: Math.round((run.answered / run.elapsedS) * 10) / 10,
      errors: run.requestErrors + run.missing + load.failed,
      ...usageFields(usage.take()),
      measures: 'whistle POST sent → each summoned officer socket receives dispatch.created',
    };
  } finally {
    await load.close();
  }
}

/** The sockets, in words, for a row's `load`. */
export function socketsText(sockets: DispatchSockets, load: DispatchLoad, departments: number): string {
  return (
    `${load.connected} sockets (${sockets.officersPerDepartment} officers × ${departments} departments + ` +
    `${sockets.wallScreens} wall screens)${load.failed ? `, ${load.failed} failed to connect` : ''}`
  );
}
