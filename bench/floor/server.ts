/**
 * The machine's floor for the dispatch and fan-out scenarios: a bare socket.io server that, on a
 * plain HTTP POST, does one Redis round trip and one PostgreSQL insert, then emits to rooms —
 * `POST /whistles` a dispatch.created per department to its, the street's and the district's
 * rooms; `POST /incidents` one incident.created to the district room. Nothing of Whistle's (no
 * auth, validation, state machine, outbox or queue), so Whistle's figures can be quoted as
 * multiples of what this machine can do at all with the same sockets and load.
 *
 *   PORT, DATABASE_URL, REDIS_URL
 */
import { createServer, type IncomingMessage } from 'node:http';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { DataSource } from 'typeorm';

const port = Number(process.env.PORT ?? 3918);
// TypeORM only as the pg pool (its driver's own pool of 10); no entities, plain SQL.
const pg = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 10 } });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
// Under the benchmark database's prefix, so the run's cleanup removes it with the rest.
const counterKey = `${process.env.REDIS_PREFIX ?? `floor-${process.pid}`}:floor:seq`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method !== 'POST' || (req.url !== '/whistles' && req.url !== '/incidents')) {
    res.writeHead(404).end();
    return;
  }
  const path = req.url;
  void (async () => {
    try {
      const body = JSON.parse(await readBody(req)) as {
        departmentIds?: string[];
        streetId?: string;
        title?: string;
      };
      const seq = await redis.incr(counterKey);
      const [row] = await pg.query<{ id: string }[]>(
        'INSERT INTO floor_events (seq, body) VALUES ($1, $2) RETURNING id::text',
        [seq, body],
      );
      if (path === '/incidents') {
        io.to('district').emit('incident.created', {
          id: String(seq),
          type: 'incident.created',
          payload: { id: row.id, title: body.title },
        });
      } else {
        for (const departmentId of body.departmentIds ?? []) {
          io.to([`dept:${departmentId}`, `street:${body.streetId}`, 'district']).emit('dispatch.created', {
            id: String(seq),
            type: 'dispatch.created',
            payload: { whistleId: row.id, departmentId },
          });
        }
      }
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: row.id }));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  })();
});

const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  const rooms = (socket.handshake.auth as { rooms?: string }).rooms ?? '';
  for (const room of rooms.split(',').filter(Boolean)) void socket.join(room);
});

void pg
  .initialize()
  .then(() =>
    pg.query(
      'CREATE TABLE IF NOT EXISTS floor_events (id bigserial PRIMARY KEY, seq bigint, body jsonb, at timestamptz DEFAULT now())',
    ),
  )
  .then(() => http.listen(port, '127.0.0.1'));

process.on('SIGTERM', () => {
  void io.close();
  redis.disconnect();
  void pg.destroy().then(() => process.exit(0));
});
