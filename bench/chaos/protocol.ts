/** Messages between the fault suite's runner and its load processes, and the lines they log. */
import type { LngLat } from '@whistle/shared';

/** One simulated screen: a user signed in, one live socket, and for streets and officers, work. */
export interface ScreenSpec {
  name: string;
  username: string;
  /** The rooms this user's socket may hear (PostgreSQL's `events.rooms` is checked against them). */
  rooms: string[];
  /** Streets raise incidents and blow whistles; officers accept, arrive and resolve. */
  work: { kind: 'street'; location: LngLat } | { kind: 'officer'; departmentId: string } | { kind: 'watch' };
}

export interface LoadStart {
  type: 'start';
  url: string;
  password: string;
  screens: ScreenSpec[];
  /** The newest event before the load: every socket replays from here, so it must see all after. */
  watermark: string;
  /** JSON lines, one per request, received event and connection change. */
  logFile: string;
  /** Each street's pause between whistles (ms); whistles summon one or two of these departments. */
  whistleEveryMs: number;
  departmentIds: string[];
  /** Share of incidents raised at the priority whose accept deadline is one minute, left to run out. */
  slowShare: number;
}

export type RunnerMessage = LoadStart | { type: 'quiet' } | { type: 'finish' };
export type LoadMessage = { type: 'started' } | { type: 'finished'; lines: number };

/** The priority given a one-minute accept deadline for the run (its timer rule is set by the runner). */
export const SLOW_PRIORITY = 'low';
export const WHISTLE_TYPE = 'enforcement';
/** Marks the run's incidents and whistles: `混沌 <token>` in the title, the token in the note. */
export const TITLE_PREFIX = '混沌测试 ';

/** A request: what, how it ended (HTTP status; 0 no answer, -1 gave up after the timeout), how long. */
export interface RequestLine {
  k: 'req';
  s: string;
  op: string;
  status: number;
  ms: number;
  at: number;
}

/** An event a socket received (before any dedupe). */
export interface EventLine {
  k: 'ev';
  s: string;
  id: string;
  type: string;
}

/** A socket's connection changed: connected, disconnected (with the reason), replay cut short. */
export interface ConnectionLine {
  k: 'conn';
  s: string;
  what: 'connect' | 'disconnect' | 'truncated' | 'refused';
  detail?: string;
  at: number;
}

/** Work a screen could not finish (a step answered with something other than success). */
export interface ErrorLine {
  k: 'err';
  message: string;
  at: number;
}

export type LogLine = RequestLine | EventLine | ConnectionLine | ErrorLine;
