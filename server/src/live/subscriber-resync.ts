import { Logger } from '@nestjs/common';
import type IORedis from 'ioredis';

const logger = new Logger('SubscriberResync');

export interface SubscriberResync {
  /** Shutdown: the subscriber's close and whatever recovery is under way must not resync. */
  stop(): void;
}

/**
 * Pub/sub keeps nothing: what was published while this process's subscriber connection was down
 * never reaches its sockets, and they stay connected (their link to this process does not go
 * through Redis), so they would never reconnect and replay the gap. Once the subscription is back
 * after a loss, `closeConnections` drops every local socket at the transport; socket.io clients
 * reconnect by themselves with their last event id and replay what they missed from the event log.
 *
 * Not on the first connection at start-up (no socket can have missed anything yet), and at most
 * once per recovery however often Redis flapped before it: only the newest reconnection acts.
 */
export function resyncAfterResubscribe(sub: IORedis, closeConnections: () => number): SubscriberResync {
  let connectedOnce = false;
  let subscriptionLost = false;
  let stopped = false;
  let recovery = 0;

  sub.on('close', () => {
    if (connectedOnce) subscriptionLost = true;
  });
  sub.on('ready', () => {
    if (!connectedOnce) {
      connectedOnce = true;
      return;
    }
    if (!subscriptionLost || stopped) return;
    const attempt = ++recovery;
    // ioredis re-sends the SUBSCRIBE commands (autoResubscribe) before it emits 'ready', but their
    // answers come later; Redis answers in order, so once this PING is answered they are in force.
    sub.ping().then(
      () => {
        if (stopped || attempt !== recovery || sub.status !== 'ready') return;
        subscriptionLost = false;
        const count = closeConnections();
        logger.log(
          `Redis subscription restored: ${count} socket connection(s) closed to resync from the event log`,
        );
      },
      // The connection dropped again before the answer: the next 'ready' starts over.
      () => undefined,
    );
  });

  return {
    stop: () => {
      stopped = true;
    },
  };
}
