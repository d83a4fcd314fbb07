import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type {
  ClientToServerEvents,
  LiveEvent,
  LiveEventType,
  ReplayTruncated,
  ServerToClientEvents,
} from '@whistle/shared';
import type { User } from '../../src/users/user.entity';
import { PASSWORD } from './factories';
import { waitUntil } from './wait';

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Logs in through the real endpoint and returns a bearer-authenticated request helper. */
export async function login(baseUrl: string, user: User): Promise<Api> {
  const res = await request(baseUrl)
    .post('/api/auth/login')
    .send({ username: user.username, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`login failed for ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return new Api(baseUrl, (res.body as { accessToken: string }).accessToken);
}

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  get(path: string) {
    return request(this.baseUrl).get(path).set('Authorization', `Bearer ${this.token}`);
  }

  post(path: string, body: object = {}) {
    return request(this.baseUrl).post(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }

  patch(path: string, body: object = {}) {
    return request(this.baseUrl).patch(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }

  put(path: string, body: object = {}) {
    return request(this.baseUrl).put(path).set('Authorization', `Bearer ${this.token}`).send(body);
  }
}

/** A socket.io client that records every live event it receives, in arrival order. */
export class Recorder {
  readonly events: LiveEvent[] = [];
  /** What `replay.truncated` said, when the server would not replay the gap. */
  truncated: ReplayTruncated | null = null;
  private waiters: { match: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }[] = [];

  constructor(readonly socket: LiveClient) {
    socket.on('replay.truncated', (info) => (this.truncated = info));
    socket.onAny((type: string, event: LiveEvent) => {
      if (type === 'replay.done' || type === 'replay.truncated') return;
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(event)) return true;
        w.resolve(event);
        return false;
      });
    });
  }

  of<T extends LiveEventType>(type: T): LiveEvent<T>[] {
    return this.events.filter((e): e is LiveEvent<T> => e.type === type);
  }

  /** Resolves with the first matching event, already received or still to come. */
  waitFor<T extends LiveEventType>(
    type: T,
    match: (e: LiveEvent<T>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<LiveEvent<T>> {
    const test = (e: LiveEvent) => e.type === type && match(e as LiveEvent<T>);
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen as LiveEvent<T>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}`)), timeoutMs);
      this.waiters.push({
        match: test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as LiveEvent<T>);
        },
      });
    });
  }

  /** Resolves once every event of `ids` has been received. */
  waitForIds(ids: readonly string[], timeoutMs = 10_000): Promise<void> {
    return waitUntil(
      () => Promise.resolve(ids.every((id) => this.events.some((e) => e.id === id))),
      timeoutMs,
    );
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects with the token (and optionally a resume point) and resolves once connected. */
export function connect(baseUrl: string, token: string, lastEventId?: string): Promise<Recorder> {
  const socket: LiveClient = io(baseUrl, {
    auth: lastEventId ? { token, lastEventId } : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const recorder = new Recorder(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recorder));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Connects with a resume point and resolves once the server says the replay is complete. */
export function reconnect(baseUrl: string, token: string, lastEventId: string): Promise<Recorder> {
  const socket: LiveClient = io(baseUrl, {
    auth: { token, lastEventId },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const recorder = new Recorder(socket);
  return new Promise((resolve, reject) => {
    socket.once('replay.done', () => resolve(recorder));
    socket.once('connect_error', (err) => reject(err));
  });
}

/**
 * A client as the dashboard runs it: it reconnects by itself (socket.io's default) and resumes
 * from the last event it has, so each reconnect replays what it missed.
 */
export class ResumingRecorder extends Recorder {
  readonly disconnects: string[] = [];
  /** How many events it had received when each of its connections opened. */
  readonly eventsAtConnect: number[] = [];

  /** `resume.from` is kept at the newest event id, where the next connection resumes. */
  constructor(socket: LiveClient, resume: { from: string | null }) {
    super(socket);
    socket.on('connect', () => this.eventsAtConnect.push(this.events.length));
    socket.on('disconnect', (reason) => this.disconnects.push(reason));
    socket.on('replay.done', (done) => (resume.from = done.lastEventId ?? resume.from));
    socket.onAny((type: string, event: LiveEvent) => {
      if (type !== 'replay.done' && type !== 'replay.truncated') resume.from = event.id;
    });
  }
}

/**
 * Connects a client that reconnects and resumes by itself; resolves once connected. `lastEventId`:
 * where its views were loaded, so that even its first reconnect has a point to resume from.
 */
export function connectResuming(
  baseUrl: string,
  token: string,
  lastEventId: string | null = null,
): Promise<ResumingRecorder> {
  const resume = { from: lastEventId };
  const socket: LiveClient = io(baseUrl, {
    // Asked on every (re)connect, so it always carries the newest resume point.
    auth: (send) => send(resume.from ? { token, lastEventId: resume.from } : { token }),
    transports: ['websocket'],
    forceNew: true,
  });
  const recorder = new ResumingRecorder(socket, resume);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recorder));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}
