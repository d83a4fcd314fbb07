import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ListenerConnect, ListenerMessage, PosterMessage, PosterRun, Receipt, Sent } from './protocol';

/** The load runs in processes of its own, so the runner's bookkeeping never delays a socket. */
function spawnLoad(name: 'listener' | 'poster'): ChildProcess {
  return fork(join(__dirname, '..', 'load', `${name}.js`), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The child's next message of `type`; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`load process exited (${code}) before '${type}'`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export class Listeners {
  private constructor(private readonly children: ChildProcess[]) {}

  /** Spreads the sockets over `processes` listener processes and waits until all have connected. */
  static async connect(
    processes: number,
    spec: Omit<ListenerConnect, 'type' | 'auths'>,
    auths: Record<string, string>[],
  ): Promise<{ listeners: Listeners; connected: number; failed: number }> {
    const children = Array.from({ length: Math.max(1, processes) }, () => spawnLoad('listener'));
    const replies = children.map((child, i) => {
      const mine = auths.filter((_, j) => j % children.length === i);
      const reply = nextMessage<Extract<ListenerMessage, { type: 'connected' }>>(child, 'connected');
      child.send({ type: 'connect', auths: mine, ...spec } satisfies ListenerConnect);
      return reply;
    });
    const connected = await Promise.all(replies);
    const firstError = connected.find((c) => c.firstError)?.firstError;
    if (firstError) console.warn(`  socket connect error: ${firstError}`);
    return {
      listeners: new Listeners(children),
      connected: connected.reduce((s, c) => s + c.connected, 0),
      failed: connected.reduce((s, c) => s + c.failed, 0),
    };
  }

  /** Every receipt so far, from every process; the sockets stay open. */
  async collect(): Promise<{ receipts: Receipt[]; disconnects: number }> {
    const all = await Promise.all(
      this.children.map((child) => {
        const reply = nextMessage<Extract<ListenerMessage, { type: 'receipts' }>>(child, 'receipts');
        child.send({ type: 'collect' });
        return reply;
      }),
    );
    return {
      receipts: all.flatMap((a) => a.receipts),
      disconnects: all.reduce((s, a) => s + a.disconnects, 0),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.send({ type: 'close' });
          }),
      ),
    );
  }
}

/** Sends the requests open-loop at `rate` per second, split over `processes` poster processes. */
export async function post(
  processes: number,
  run: Omit<PosterRun, 'type' | 'rate'> & { rate: number },
): Promise<{ sent: Sent[]; firstError: string | null }> {
  const n = Math.max(1, processes);
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const child = spawnLoad('poster');
      const reply = nextMessage<PosterMessage>(child, 'done');
      child.send({
        type: 'run',
        url: run.url,
        rate: run.rate / n,
        requests: run.requests.filter((_, j) => j % n === i),
      } satisfies PosterRun);
      return reply.finally(() => child.kill());
    }),
  );
  return {
    sent: results.flatMap((r) => r.sent),
    firstError: results.find((r) => r.firstError)?.firstError ?? null,
  };
}
