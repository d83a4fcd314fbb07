import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

/** A throwaway redis-server of the test's own, so an outage can be staged without touching others. */
export class PrivateRedis {
  private process: ChildProcess | undefined;
  private chosenPort: number;
  private readonly portGiven: boolean;
  private started = false;

  /**
   * `port`: a random one unless given. `extraArgs` are further redis-server options, e.g.
   * `['--maxmemory-policy', 'allkeys-lru']`.
   */
  constructor(
    port?: number,
    private readonly extraArgs: readonly string[] = [],
  ) {
    this.chosenPort = port ?? randomPort();
    this.portGiven = port !== undefined;
  }

  get port(): number {
    return this.chosenPort;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /**
   * Starts the server, or restarts it on the same port. A first start on a random port that turns
   * out to be taken (the server exits at once) tries another.
   */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.spawnAndWait();
      if (outcome === 'answering') {
        this.started = true;
        return;
      }
      if (outcome === 'exited' && !this.started && !this.portGiven && attempt < 5) {
        this.chosenPort = randomPort();
        continue;
      }
      throw new Error(`redis-server on ${this.port} did not start (${outcome})`);
    }
  }

  private async spawnAndWait(): Promise<'answering' | 'exited' | 'silent'> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        ...this.extraArgs,
      ],
      {
        stdio: 'ignore',
      },
    );
    this.process = child;
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      // Exit first: a server that could not bind is gone at once, while whoever holds the port
      // (another test's redis-server) would answer the PING in its place.
      if (child.exitCode !== null || child.signalCode !== null) return 'exited';
      if (await answersPing(this.port)) return 'answering';
    }
    return 'silent';
  }

  /**
   * SIGKILL by default: gone at once, like a crash. SIGTERM is Redis's own shutdown, which writes
   * its append-only file first when it has one (`--appendonly yes --dir …` in `extraArgs`).
   */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}

/**
 * One PING over a plain socket. Not an ioredis client: one that fails to connect while the server
 * starts can reject a queued command later, unhandled, inside whichever test runs then.
 */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Below Linux's ephemeral range (32768–60999), so no outgoing connection holds the port. */
function randomPort(): number {
  return 21000 + Math.floor(Math.random() * 11000);
}
