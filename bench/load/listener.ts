/**
 * A load process holding many socket.io connections. It stamps each receipt of the watched event
 * on arrival and hands the receipts to the runner when asked.
 */
import { io, type Socket } from 'socket.io-client';
import { nowMs } from '../lib/clock';
import type { ListenerConnect, ListenerMessage, Receipt, RecordKey } from '../lib/protocol';

interface Envelope {
  payload?: {
    whistleId?: string | null;
    departmentId?: string | null;
    title?: string;
    dispatchId?: string;
    stage?: string;
    dueAt?: string;
  };
}

const sockets: Socket[] = [];
let receipts: Receipt[] = [];
let disconnects = 0;

function keyOf(kind: RecordKey, e: Envelope): [string, number] | null {
  const p = e.payload;
  if (!p) return null;
  switch (kind) {
    case 'whistle-department':
      return p.whistleId && p.departmentId ? [`${p.whistleId}|${p.departmentId}`, 0] : null;
    case 'title':
      return p.title ? [p.title, 0] : null;
    case 'deadline':
      return p.dispatchId && p.stage && p.dueAt ? [`${p.dispatchId}|${p.stage}`, Date.parse(p.dueAt)] : null;
  }
}

function send(message: ListenerMessage): void {
  process.send?.(message);
}

async function connect(spec: ListenerConnect): Promise<void> {
  let connected = 0;
  let failed = 0;
  let firstError: string | null = null;
  // Connect in waves so the handshakes do not all land in the same millisecond.
  const WAVE = 100;
  for (let i = 0; i < spec.auths.length; i += WAVE) {
    await Promise.all(
      spec.auths.slice(i, i + WAVE).map(
        (auth) =>
          new Promise<void>((resolve) => {
            const socket = io(spec.url, { auth, transports: ['websocket'], reconnection: false });
            socket.on(spec.event, (e: Envelope) => {
              const at = nowMs();
              const key = keyOf(spec.key, e);
              if (key) receipts.push([key[0], at, key[1]]);
            });
            socket.once('connect', () => {
              connected++;
              sockets.push(socket);
              socket.on('disconnect', () => disconnects++);
              resolve();
            });
            socket.once('connect_error', (err) => {
              failed++;
              firstError ??= err.message;
              socket.close();
              resolve();
            });
          }),
      ),
    );
  }
  send({ type: 'connected', connected, failed, firstError });
}

process.on('message', (m: ListenerConnect | { type: 'collect' } | { type: 'close' }) => {
  switch (m.type) {
    case 'connect':
      void connect(m);
      break;
    case 'collect':
      send({ type: 'receipts', receipts, disconnects });
      receipts = [];
      break;
    case 'close':
      for (const s of sockets) s.close();
      process.exit(0);
  }
});
