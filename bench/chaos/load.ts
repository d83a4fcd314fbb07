/**
 * A load process of the fault suite: simulated screens that sign in, hold a live socket through
 * nginx (reconnecting the way the dashboard does, from the newest event id they hold), and work:
 * streets raise incidents and blow whistles, officers accept, arrive and resolve. Everything it
 * sends and receives goes to a JSON-lines log for the auditor.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Socket } from 'socket.io-client';
import type { DispatchView, IncidentView } from '@whistle/shared';
import { Caller } from './http';
import { screenSocket } from './screen-socket';
import {
  SLOW_PRIORITY,
  TITLE_PREFIX,
  WHISTLE_TYPE,
  type LoadMessage,
  type LoadStart,
  type LogLine,
  type RunnerMessage,
  type ScreenSpec,
} from './protocol';

let log: ReturnType<typeof createWriteStream>;
let lines = 0;
let traffic = true;
const sockets: Socket[] = [];
const pending = new Set<Promise<unknown>>();

function write(line: LogLine): void {
  lines++;
  log.write(`${JSON.stringify(line)}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Runs a piece of work in the background, keeping track of it so `finish` can wait for it. */
function track(work: Promise<unknown>): void {
  const p = work.catch((err: unknown) =>
    write({ k: 'err', message: (err as Error).message, at: Date.now() }),
  );
  pending.add(p);
  void p.finally(() => pending.delete(p));
}

async function streetScreen(
  start: LoadStart,
  screen: ScreenSpec & { work: { kind: 'street' } },
  caller: Caller,
): Promise<void> {
  const { location } = screen.work;
  await sleep(between(0, start.whistleEveryMs));
  while (traffic) {
    const token = randomUUID();
    const slow = Math.random() < start.slowShare;
    const created = await caller.call(
      'incident.create',
      'POST',
      '/api/incidents',
      {
        title: `${TITLE_PREFIX}${token}`,
        category: 'street_vending',
        priority: slow ? SLOW_PRIORITY : 'normal',
        location,
        source: 'operator',
      },
      `incident-${token}`,
    );
    if (created.status !== 201)
      throw new Error(`incident.create answered ${created.status} ${JSON.stringify(created.body)}`);
    const incident = created.body as IncidentView;
    // Registering twice (a retry after a lost answer) is answered 409 from `registered`: done.
    const registered = await caller.call(
      'incident.register',
      'POST',
      `/api/incidents/${incident.id}/register`,
    );
    if (registered.status !== 200 && registered.status !== 409)
      throw new Error(`incident.register answered ${registered.status}`);
    const count = Math.random() < 0.5 ? 1 : 2;
    const first = Math.floor(Math.random() * start.departmentIds.length);
    const departmentIds = Array.from(
      { length: count },
      (_, i) => start.departmentIds[(first + i) % start.departmentIds.length],
    );
    const whistle = await caller.call(
      'whistle.blow',
      'POST',
      `/api/incidents/${incident.id}/whistles`,
      { type: WHISTLE_TYPE, departmentIds, note: token },
      `whistle-${token}`,
    );
    if (whistle.status !== 201)
      throw new Error(`whistle.blow answered ${whistle.status} ${JSON.stringify(whistle.body)}`);
    await sleep(between(0.5, 1.5) * start.whistleEveryMs);
  }
}

/** An officer's duty console: takes every dispatch to its department from accepted to resolved. */
function officerWork(caller: Caller, departmentId: string): (type: string, payload: unknown) => void {
  const taken = new Set<string>();
  /** Slow dispatches wait for their accept deadline's notice before anyone accepts them. */
  const waiting = new Set<string>();
  const act = async (dispatchId: string) => {
    for (const [action, body, pause] of [
      ['accept', {}, between(500, 2000)],
      ['arrive', {}, between(1000, 3000)],
      ['resolve', { note: '已处置完毕' }, between(1000, 3000)],
    ] as const) {
      await sleep(pause);
      const answer = await caller.call(
        `dispatch.${action}`,
        'POST',
        `/api/dispatches/${dispatchId}/${action}`,
        body,
      );
      // 409: a retry of a step whose first answer was lost already moved it on.
      if (answer.status !== 200 && answer.status !== 409)
        throw new Error(`dispatch.${action} answered ${answer.status}`);
    }
  };
  return (type, payload) => {
    if (type === 'dispatch.created') {
      const d = payload as DispatchView;
      if (d.departmentId !== departmentId || taken.has(d.id)) return;
      if (d.incident.priority === SLOW_PRIORITY) {
        waiting.add(d.id);
        return;
      }
      taken.add(d.id);
      track(act(d.id));
    } else if (type === 'deadline.overdue') {
      const notice = payload as { dispatchId: string; stage: string };
      if (notice.stage !== 'accept' || !waiting.delete(notice.dispatchId)) return;
      taken.add(notice.dispatchId);
      track(act(notice.dispatchId));
    }
  };
}

async function begin(start: LoadStart): Promise<void> {
  log = createWriteStream(start.logFile, { flags: 'a' });
  for (const screen of start.screens) {
    const caller = new Caller(start.url, screen.username, start.password, (r) =>
      write({ k: 'req', s: screen.name, ...r }),
    );
    await caller.login();
    const work = screen.work;
    const onEvent = work.kind === 'officer' ? officerWork(caller, work.departmentId) : () => undefined;
    sockets.push(
      screenSocket({
        url: start.url,
        name: screen.name,
        caller,
        watermark: start.watermark,
        write,
        onEvent,
        retryMs: 2_000,
        backoffMs: [1_000, 10_000],
        track,
      }),
    );
    if (work.kind === 'street') track(streetScreen(start, { ...screen, work }, caller));
  }
  send({ type: 'started' });
}

function send(message: LoadMessage): void {
  process.send?.(message);
}

process.on('message', (m: RunnerMessage) => {
  switch (m.type) {
    case 'start':
      void begin(m).catch((err: unknown) => {
        console.error(`chaos load failed to start: ${(err as Error).message}`);
        process.exit(1);
      });
      break;
    case 'quiet':
      traffic = false;
      break;
    case 'finish':
      traffic = false;
      void Promise.allSettled([...pending]).then(() => {
        sockets.forEach((s) => s.close());
        log.end(() => {
          send({ type: 'finished', lines });
          process.exit(0);
        });
      });
      break;
  }
});
