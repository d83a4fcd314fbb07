import { Emitter } from '@socket.io/redis-emitter';
import type IORedis from 'ioredis';
import { redisClient } from '../queues/redis';

/** The socket.io adapter's channel prefix; the gateway's Redis adapter uses the same key. */
export function socketIoKey(redisPrefix: string): string {
  return `${redisPrefix}:socket.io`;
}

/**
 * Sockets still catching up from the event log sit in this room; live deliveries skip it, so a
 * reconnecting client gets what it missed in order before anything new.
 */
export const REPLAYING_ROOM = 'replaying';

/** Emits to socket.io rooms through Redis, from any process: the worker role has no socket server. */
export function createLiveEmitter(
  redisUrl: string,
  redisPrefix: string,
  purpose: string,
): { emitter: Emitter; redis: IORedis } {
  const redis = redisClient(redisUrl, purpose);
  return { emitter: new Emitter(redis, { key: socketIoKey(redisPrefix) }), redis };
}
