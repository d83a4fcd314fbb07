import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * The Prometheus scrape endpoint on a listener of its own (METRICS_HOST:METRICS_PORT, loopback by
 * default), never on the public API port. Every process role serves it, workers too: their queue
 * gauges live there. Started by the bootstrap once the app is up (a seed script that builds the
 * same modules opens no port); closed with the app.
 */
@Injectable()
export class PrometheusServer implements OnApplicationShutdown {
  private readonly logger = new Logger(PrometheusServer.name);
  private server: Server | null = null;
  private readonly tokenDigest: Buffer | null;

  constructor(
    @Inject(PROMETHEUS_REGISTRY) private readonly registry: Registry,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.tokenDigest = config.METRICS_TOKEN ? sha256(config.METRICS_TOKEN) : null;
  }

  /** Listens; a taken port fails the start-up rather than leaving the process unobserved. */
  async listen(): Promise<AddressInfo> {
    const server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.METRICS_PORT, this.config.METRICS_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.logger.log(`Prometheus metrics on ${address.address}:${address.port}/metrics`);
    return address;
  }

  /** Where it listens (an ephemeral port when METRICS_PORT is 0), or null before listen(). */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null | undefined) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A scraper's idle keep-alive connection would otherwise hold the close open.
    server.closeAllConnections();
    await closed;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') return reply(res, 404, 'Not found: scrape /metrics\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return reply(res, 405, 'Method not allowed\n');
    }
    if (!this.authorized(req.headers.authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return reply(res, 401, 'A bearer token is required\n');
    }
    try {
      const body = await this.registry.metrics();
      res.writeHead(200, { 'Content-Type': Registry.PROMETHEUS_CONTENT_TYPE });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      // The gauges already skip what they cannot reach; anything else is a temporary failure.
      this.logger.warn(`scrape failed: ${err instanceof Error ? err.message : String(err)}`);
      res.setHeader('Retry-After', '5');
      reply(res, 503, 'Metrics are unavailable, try again\n');
    }
  }

  /** Open when METRICS_TOKEN is unset; otherwise the bearer token, compared in constant time. */
  private authorized(header: string | undefined): boolean {
    if (!this.tokenDigest) return true;
    const match = /^Bearer (.+)$/.exec(header ?? '');
    return match?.[1] !== undefined && timingSafeEqual(sha256(match[1]), this.tokenDigest);
  }
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
