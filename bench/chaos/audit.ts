import type { DataSource } from 'typeorm';
import { TITLE_PREFIX, type LogLine } from './protocol';

/** Requests slower than this count against the run, like a 500. */
const SLOW_MS = 10_000;

export interface AuditInput {
  db: DataSource;
  lines: LogLine[];
  /** Screen name -> the rooms its socket may hear. */
  screens: Map<string, string[]>;
  /** Screen name -> the department whose officer it is (officer screens only). */
  officerOf: Map<string, string>;
  /** Events after this id were made during the run; every socket replayed from it. */
  watermark: string;
  /** The newest event once the run was quiet: later ones are not expected anywhere. */
  lastEventId: string;
  /** Accept deadlines due before this must have fired. */
  deadlineCutoff: Date;
}

/** Each finding is listed by when it happened (ms since the epoch), so it can be put down to a fault. */
export interface Findings {
  /** Dispatches that a summoned department's officer socket never received (after dedupe by id). */
  lost: number[];
  /** Pairs (socket, event in its rooms) never received, of any event type. */
  eventsMissed: number[];
  /** Incidents, whistles or dispatches created twice for one request. */
  doubled: number[];
  /** Events a socket received outside its rooms, or that PostgreSQL does not hold. */
  leaked: number[];
  /** Accept deadlines that passed with the dispatch pending and never fired; and those fired twice. */
  missed: number[];
  firedTwice: number[];
  /** Answers with status 500 (or another 5xx that is not a gateway's 502/503/504). */
  http500: number[];
  /** Answers slower than 10 s, or none within the client's timeout. */
  slow: number[];
}

export interface Audit {
  dispatches: number;
  whistles: number;
  requests: number;
  eventsReceived: number;
  findings: Findings;
  /** A few of each finding, described, to start looking from. */
  examples: string[];
  deadlinesDue: number;
  outboxUndelivered: number;
  /** 502, 503, 504 and refused connections: retried with the same key, never counted as failures. */
  retried: number;
  /** Work a screen could not finish. */
  workErrors: string[];
  reconnects: number;
  truncatedReplays: number;
}

interface EventRow {
  id: string;
  type: string;
  rooms: string[];
  dispatch_id: string | null;
  at: number;
}

export async function audit(input: AuditInput): Promise<Audit> {
  const { db, lines } = input;
  const events = await db.query<EventRow[]>(
    `SELECT id::text AS id, type::text AS type, rooms, dispatch_id,
            (extract(epoch FROM occurred_at) * 1000)::float8 AS at FROM events
      WHERE id > $1 AND id <= $2 ORDER BY id`,
    [input.watermark, input.lastEventId],
  );
  const byId = new Map(events.map((e) => [e.id, e]));

  const received = new Map<string, Set<string>>();
  for (const name of input.screens.keys()) received.set(name, new Set());
  let eventsReceived = 0;
  const leaked: number[] = [];
  const examples: string[] = [];
  const example = (text: string) => {
    if (examples.length < 20) examples.push(text);
  };
  for (const line of lines) {
    if (line.k !== 'ev') continue;
    eventsReceived++;
    // Pushed summaries are not in the event log (their ids come from its sequence, unstored):
    // only the district's screens may have them.
    if (line.type === 'metrics.updated') {
      if (!(input.screens.get(line.s) ?? []).some((r) => r.startsWith('district:'))) {
        leaked.push(0);
        example(`leaked: ${line.s} received metrics.updated #${line.id} outside the district`);
      }
      continue;
    }
    const mine = received.get(line.s);
    if (!mine || mine.has(line.id)) continue;
    mine.add(line.id);
    const event = byId.get(line.id);
    const rooms = input.screens.get(line.s) ?? [];
    // Newer than the last expected event: only its existence can be checked (it is after the cut).
    if (BigInt(line.id) > BigInt(input.lastEventId)) continue;
    if (!event || !event.rooms.some((r) => rooms.includes(r))) {
      leaked.push(event?.at ?? 0);
      example(
        `leaked: ${line.s} received ${line.type} #${line.id} (rooms ${event?.rooms.join(' ') ?? 'not in PostgreSQL'})`,
      );
    }
  }

  const eventsMissed: number[] = [];
  const lostDispatches = new Map<string, number>();
  for (const [name, rooms] of input.screens) {
    const got = received.get(name) as Set<string>;
    const department = input.officerOf.get(name);
    for (const event of events) {
      if (!event.rooms.some((r) => rooms.includes(r)) || got.has(event.id)) continue;
      eventsMissed.push(event.at);
      example(
        `missed: ${name} never received ${event.type} #${event.id} of ${new Date(event.at).toISOString()}`,
      );
      if (department && event.type === 'dispatch.created' && event.rooms.includes(`dept:${department}`))
        lostDispatches.set(event.dispatch_id ?? event.id, event.at);
    }
  }

  const [{ dispatches, whistles }] = await db.query<{ dispatches: number; whistles: number }[]>(
    `SELECT (SELECT count(*) FROM dispatches)::int AS dispatches, (SELECT count(*) FROM whistles)::int AS whistles`,
  );
  // Every request of the run creates one incident (its title holds the request's token), one
  // whistle on it, and one dispatch per summoned department: anything beyond is a double.
  const doubled = await db.query<{ at: number }[]>(
    `SELECT (extract(epoch FROM first_at) * 1000)::float8 AS at, generate_series(2, n) FROM (
        SELECT count(*) AS n, min(created_at) AS first_at FROM incidents WHERE title LIKE $1 GROUP BY title
        UNION ALL SELECT count(*), min(created_at) FROM whistles GROUP BY incident_id
        UNION ALL SELECT count(*), min(created_at) FROM dispatches WHERE whistle_id IS NOT NULL
          GROUP BY whistle_id, department_id
      ) AS groups WHERE n > 1`,
    [`${TITLE_PREFIX}%`],
  );

  // Accept deadlines that passed with the dispatch still pending: each must have fired, once.
  const due = await db.query<{ id: string; fired: number; at: number }[]>(
    `SELECT d.id, (extract(epoch FROM d.accept_by) * 1000)::float8 AS at, (SELECT count(*) FROM events e WHERE e.type = 'deadline.overdue' AND e.dispatch_id = d.id
                     AND e.payload->>'stage' = 'accept' AND (e.payload->>'notice')::int = 1)::int AS fired
       FROM dispatches d
      WHERE d.accept_by < $1 AND (d.accepted_at IS NULL OR d.accepted_at > d.accept_by)`,
    [input.deadlineCutoff],
  );
  const twice = await db.query<{ at: number }[]>(
    `SELECT (extract(epoch FROM min(occurred_at)) * 1000)::float8 AS at FROM events
      WHERE type = 'deadline.overdue'
      GROUP BY dispatch_id, payload->>'stage', payload->>'notice' HAVING count(*) > 1`,
  );
  const [{ undelivered }] = await db.query<{ undelivered: number }[]>(
    `SELECT count(*)::int AS undelivered FROM outbox WHERE relayed_at IS NULL`,
  );

  const requests = lines.filter((l) => l.k === 'req');
  return {
    dispatches,
    whistles,
    requests: requests.length,
    eventsReceived,
    examples,
    findings: {
      lost: [...lostDispatches.values()],
      eventsMissed,
      doubled: doubled.map((d) => d.at),
      leaked,
      missed: due.filter((d) => d.fired === 0).map((d) => d.at),
      firedTwice: twice.map((t) => t.at),
      http500: requests
        .filter((r) => r.status >= 500 && ![502, 503, 504].includes(r.status))
        .map((r) => r.at),
      slow: requests.filter((r) => r.ms > SLOW_MS || r.status === -1).map((r) => r.at),
    },
    deadlinesDue: due.length,
    outboxUndelivered: undelivered,
    retried: requests.filter((r) => r.status === 0 || [502, 503, 504].includes(r.status)).length,
    workErrors: lines.flatMap((l) => (l.k === 'err' ? [l.message] : [])),
    reconnects: lines.filter((l) => l.k === 'conn' && l.what === 'connect').length - input.screens.size,
    truncatedReplays: lines.filter((l) => l.k === 'conn' && l.what === 'truncated').length,
  };
}
