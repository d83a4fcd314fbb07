import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { IncidentView, LngLat, WhistleView } from '@whistle/shared';
import type { Caller } from './http';
import { screenSocket } from './screen-socket';
import { TITLE_PREFIX, WHISTLE_TYPE, type LogLine } from './protocol';

/**
 * The runner's own street and officer, away from the load's: after each fault it blows a whistle
 * and waits for the officer's socket to receive the dispatch. The time until that works again is
 * the fault's recovery time. Its socket is audited like any other screen.
 */
export class Probe {
  private readonly received = new Map<string, () => void>();
  /** Whistles whose dispatch arrived, maybe before the POST's answer did. */
  private readonly arrived = new Set<string>();
  private socket: Socket | undefined;

  constructor(
    private readonly street: Caller,
    private readonly officer: Caller,
    private readonly location: LngLat,
    private readonly departmentId: string,
    private readonly url: string,
    private readonly watermark: string,
    private readonly write: (line: LogLine) => void,
  ) {}

  async start(): Promise<void> {
    await this.street.login();
    await this.officer.login();
    const socket = screenSocket({
      url: this.url,
      name: 'probe',
      caller: this.officer,
      watermark: this.watermark,
      write: this.write,
      onEvent: (type, payload) => {
        const whistleId = (payload as { whistleId?: string } | undefined)?.whistleId;
        if (type !== 'dispatch.created' || !whistleId) return;
        this.arrived.add(whistleId);
        this.received.get(whistleId)?.();
      },
      retryMs: 1_000,
      backoffMs: [500, 2_000],
      track: (work) => void work.catch(() => undefined),
    });
    this.socket = socket;
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  }

  /** One whistle end to end; resolves when the officer's socket has its dispatch. */
  async roundTrip(): Promise<void> {
    const token = randomUUID();
    const created = await this.street.call(
      'probe.incident',
      'POST',
      '/api/incidents',
      {
        title: `${TITLE_PREFIX}${token}`,
        category: 'street_vending',
        priority: 'normal',
        location: this.location,
        source: 'operator',
      },
      `incident-${token}`,
    );
    if (created.status !== 201) throw new Error(`probe incident answered ${created.status}`);
    const incidentId = (created.body as IncidentView).id;
    const registered = await this.street.call(
      'probe.register',
      'POST',
      `/api/incidents/${incidentId}/register`,
    );
    if (registered.status !== 200 && registered.status !== 409)
      throw new Error(`probe register answered ${registered.status}`);
    const whistle = await this.street.call(
      'probe.whistle',
      'POST',
      `/api/incidents/${incidentId}/whistles`,
      { type: WHISTLE_TYPE, departmentIds: [this.departmentId], note: token },
      `whistle-${token}`,
    );
    if (whistle.status !== 201) throw new Error(`probe whistle answered ${whistle.status}`);
    const whistleId = (whistle.body as WhistleView).id;
    if (this.arrived.has(whistleId)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.received.delete(whistleId);
        reject(
          new Error(`the probe's dispatch did not reach its officer within 60 s (whistle ${whistleId})`),
        );
      }, 60_000);
      this.received.set(whistleId, () => {
        clearTimeout(timer);
        this.received.delete(whistleId);
        resolve();
      });
    });
  }

  close(): void {
    this.socket?.close();
  }
}
