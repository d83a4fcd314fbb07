import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ProcessRole } from '../../src/config/app-config';
import type { TestEnv } from './test-app';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(__dirname, 'ts-register.cjs');
const MAIN = join(ROOT, 'server', 'src', 'main.ts');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The server as an operator runs it (`node server/dist/main.js`), from the current sources, in a
 * process of its own: what a test needs to send it signals. Its logs (JSON lines) are kept.
 */
export class ServerProcess {
  output = '';
  readonly exited: Promise<Exit>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly metricsPort: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    // 'close', not 'exit': 'exit' can come before the last lines written to the pipes are read,
    // and a test that reads the log once the process is gone must see its last line.
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  }

  /** Starts it on the test file's database and resolves once it listens (its metrics port, every role has one). */
  static async start(
    env: TestEnv,
    role: ProcessRole,
    overrides: Record<string, string> = {},
  ): Promise<ServerProcess> {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const config = env.config();
    const child = spawn(process.execPath, ['-r', REGISTER, MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PROCESS_ROLE: role,
        DATABASE_URL: config.DATABASE_URL,
        REDIS_URL: config.REDIS_URL,
        REDIS_PREFIX: config.REDIS_PREFIX,
        JWT_SECRET: config.JWT_SECRET,
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        LOG_LEVEL: 'info',
        OUTBOX_POLL_MS: '100',
        ...overrides,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, port, metricsPort);
    // Compiling the sources it loads takes seconds on a busy machine.
    const deadline = Date.now() + 120_000;
    while (!(await accepts(metricsPort))) {
      const gone = await Promise.race([server.exited, pause(200).then(() => null)]);
      if (gone) throw new Error(`the ${role} process exited (${JSON.stringify(gone)}):\n${server.output}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the ${role} process did not start:\n${server.output}`);
      }
    }
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('no process');
    return this.child.pid;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** After a test, whatever happened: nothing is left running. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** The log lines (pino JSON) whose message matches. */
  logged(pattern: RegExp): string[] {
    return this.output
      .split('\n')
      .map((line) => {
        try {
          const { msg } = JSON.parse(line) as { msg?: unknown };
          return typeof msg === 'string' ? msg : '';
        } catch {
          return line;
        }
      })
      .filter((msg) => pattern.test(msg));
  }
}

/** A port nobody listens on right now (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether a TCP connection to the port is accepted. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves null after `ms`; for a race with what should come sooner, so it holds no test run open. */
export const pause = (ms: number) =>
  new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());
