import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The account PostgreSQL runs as when the tests run as root (initdb refuses root). */
const SERVICE_ACCOUNT = 'postgres';

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl from PATH), so an outage can
 * be staged without touching the shared server. It listens on 127.0.0.1 at a random port, with
 * its socket in its own directory; `stop()` kills it the hard way, like a crash or a pulled cable.
 */
export class PrivatePostgres {
  private dir: string | undefined;

  // Below Linux's ephemeral range (32768–60999), so no outgoing connection holds the port.
  constructor(readonly port = 21000 + Math.floor(Math.random() * 11000)) {}

  /** The server's base URL, without a database: `${baseUrl}/<name>`. Trust authentication. */
  get baseUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  /** Creates the cluster and starts it. */
  async create(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'whistle-pg-'));
    if (runsAsRoot()) await run('chown', [`${SERVICE_ACCOUNT}:`, this.dir]);
    // No fsync, C locale: a throwaway cluster need not survive a power cut, and starts faster.
    await this.pg('initdb', [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await this.start();
  }

  async start(): Promise<void> {
    const options = [
      `-k ${this.requireDir()}`,
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
    ].join(' ');
    await this.pg('pg_ctl', [
      'start',
      '-D',
      this.dataDir,
      '-l',
      join(this.requireDir(), 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      options,
    ]);
  }

  /** Immediate shutdown: every connection is cut at once, with no checkpoint (like a crash). */
  async stop(): Promise<void> {
    await this.pg('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '60']);
  }

  /** Stops the server if it runs and deletes the cluster. */
  async destroy(): Promise<void> {
    if (!this.dir) return;
    await this.stop().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private get dataDir(): string {
    return join(this.requireDir(), 'data');
  }

  private requireDir(): string {
    if (!this.dir) throw new Error('the private PostgreSQL cluster has not been created');
    return this.dir;
  }

  private async pg(command: string, args: string[]): Promise<void> {
    try {
      if (runsAsRoot()) await run('runuser', ['-u', SERVICE_ACCOUNT, '--', command, ...args]);
      else await run(command, args);
    } catch (err) {
      const { stderr } = err as { stderr?: string };
      throw new Error(`${command} ${args[0] ?? ''} failed: ${stderr || String(err)}`);
    }
  }
}

function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}
