import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

/** A throwaway redis-server of the test's own, so an outage can be staged without touching others. */
export class PrivateRedis {
  private process: ChildProcess | undefined;

  /** `extraArgs` are further redis-server options, e.g. `['--maxmemory-policy', 'allkeys-lru']`. */
  constructor(
    readonly port = 21000 + Math.floor(Math.random() * 20000),
    private readonly extraArgs: readonly string[] = [],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
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
    for (let i = 0; i < 100; i++) {
      if (await answersPing(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on ${this.port} did not start`);
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
