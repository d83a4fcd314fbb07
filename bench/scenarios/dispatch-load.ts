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

/** Departments of the i-th whistle: round-robin so every department is summoned equally often. */
export function departmentsOf(i: number, departmentIds: readonly string[]): string[] {
  return Array.from(
    { length: DEPARTMENTS_PER_WHISTLE },
    (_, k) => departmentIds[(i * DEPARTMENTS_PER_WHISTLE + k) % departmentIds.length],
  );
}

/**
 * Officers' and wall screens' sockets connect from listener processes; a poster process sends the
 * whistles open-loop; every summoned officer socket's `dispatch.created` is one latency sample,
 * from the moment the POST left to the moment that socket received the event.
 */
export async function measureDispatch(
  profile: Profile['dispatch'],
  target: DispatchTarget,
  usage: UsageSampler,
  scenario: 'dispatch' | 'floor',
): Promise<MeasuredRow> {
  const auths = [
    ...target.departmentIds.flatMap((d) =>
      Array.from({ length: profile.officersPerDepartment }, () => target.officerAuth(d)),
    ),
    ...Array.from({ length: profile.wallScreens }, (_, i) => target.wallAuth(i)),
  ];
  const { listeners, connected, failed } = await Listeners.connect(
    profile.listenerProcesses,
    { url: target.url, event: 'dispatch.created', key: 'whistle-department' },
    auths,
  );
  try {
    const warmup = Math.round(profile.rate * profile.warmupSeconds);
    const whistles = Math.round(profile.rate * profile.seconds);
    const requests = Array.from({ length: warmup + whistles }, (_, i) =>
      target.request(i, departmentsOf(i, target.departmentIds)),
    );
    // A fresh process compiles its hot paths and opens its pool's connections during its first
    // seconds under load; that start is run first at the same rate and not counted.
    if (warmup > 0) {
      await post(1, { url: target.url, rate: profile.rate, requests: requests.slice(0, warmup) });
      await sleep(2_000);
      await listeners.collect();
    }
    usage.take();
    const started = performance.now();
    const { sent, firstError } = await post(1, {
      url: target.url,
      rate: profile.rate,
      requests: requests.slice(warmup),
    });
    const elapsedS = (performance.now() - started) / 1000;
    if (firstError) console.warn(`  first request error: ${firstError}`);
    const sentAt = new Map(sent.filter((s) => s[2] >= 200 && s[2] < 300).map((s) => [s[3], s[0]]));
    const expected = sentAt.size * DEPARTMENTS_PER_WHISTLE * profile.officersPerDepartment;
    // Give the last events time to arrive, then stop waiting.
    let receipts: [string, number, number][] = [];
    for (let waited = 0; waited < 10_000; waited += 250) {
      await sleep(250);
      receipts = receipts.concat((await listeners.collect()).receipts);
      if (receipts.length >= expected) break;
    }
    const samples: number[] = [];
    for (const [key, at] of receipts) {
      const t0 = sentAt.get(key.split('|')[0]);
      if (t0 !== undefined) samples.push(at - t0);
    }
    const requestErrors = sent.length - sentAt.size;
    const missing = Math.max(0, expected - samples.length);
    return {
      scenario,
      load:
        `${profile.rate} whistles/s × ${DEPARTMENTS_PER_WHISTLE} departments for ${profile.seconds} s ` +
        `(after ${profile.warmupSeconds} s of warm-up); ` +
        `${connected} sockets (${profile.officersPerDepartment} officers × ${target.departmentIds.length} departments + ` +
        `${profile.wallScreens} wall screens)${failed ? `, ${failed} failed to connect` : ''}`,
      ...latencyFields(samples),
      throughput_per_s: Math.round((sentAt.size / elapsedS) * 10) / 10,
      errors: requestErrors + missing + failed,
      ...usageFields(usage.take()),
      measures: 'whistle POST sent → each summoned officer socket receives dispatch.created',
    };
  } finally {
    await listeners.close();
  }
}
