import type { INestApplicationContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type IORedis from 'ioredis';
import { logPublishFailures, redisClient } from '../queues/redis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { socketIoKey } from '../events/live-emitter';
import { socketOriginAllowed } from './socket-origin';
import { resyncAfterResubscribe, type SubscriberResync } from './subscriber-resync';

/**
 * socket.io on the Redis adapter, so rooms span every API process and the worker's emitter reaches
 * them all. (The adapter has no connection-state recovery; missed events are replayed from the log,
 * and after the subscriber was cut off the local sockets are sent to replay: subscriber-resync.ts.)
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly adapter: ReturnType<typeof createAdapter>;
  private readonly clients: IORedis[];
  private readonly corsOrigins: readonly string[];
  private readonly servers: Server[] = [];
  private readonly resync: SubscriberResync;

  constructor(app: INestApplicationContext, config: AppConfig) {
    super(app);
    this.corsOrigins = config.CORS_ORIGINS;
    const pub = logPublishFailures(
      redisClient(config.REDIS_URL, 'socket.io publisher'),
      'socket.io publisher',
    );
    const sub = redisClient(config.REDIS_URL, 'socket.io subscriber');
    this.clients = [pub, sub];
    this.adapter = createAdapter(pub, sub, { key: socketIoKey(config.REDIS_PREFIX) });
    this.resync = resyncAfterResubscribe(sub, () => this.closeLocalConnections());
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      // The same allow-list as the HTTP API: long-polling answers carry CORS headers for it only.
      cors: this.corsOrigins.length > 0 ? { origin: [...this.corsOrigins] } : undefined,
      allowRequest: (req: IncomingMessage, callback: (err: string | null, success: boolean) => void) =>
        callback(null, socketOriginAllowed(req, this.corsOrigins)),
      maxHttpBufferSize: 16 * 1024,
    }) as Server;
    server.adapter(this.adapter);
    // engine.io keeps each session's first HTTP request (its headers, parser and socket references)
    // for the session's life. Nothing reads it after the origin check, and a wall of thousands of
    // sockets would hold every one of them (socket.io's memory-usage guide drops it the same way).
    server.engine.on('connection', (raw: { request: unknown }) => {
      raw.request = null;
    });
    this.servers.push(server);
    return server;
  }

  /**
   * Each engine.io connection is closed at its transport (not `engine.close()`, which would also
   * shut the listener): clients see 'transport close' and reconnect, unlike after a socket.io
   * disconnect. Returns how many were closed.
   */
  private closeLocalConnections(): number {
    const connections = new Set(
      this.servers.flatMap((s) => [...s.of('/').sockets.values()].map((socket) => socket.conn)),
    );
    for (const connection of connections) connection.close();
    return connections.size;
  }

  override async close(server: Server): Promise<void> {
    this.resync.stop();
    await super.close(server);
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
  }
}
