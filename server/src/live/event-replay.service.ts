import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveEvent } from '@whistle/shared';
import { DataSource } from 'typeorm';
import { EventRecord } from '../events/event.entity';
import { envelopeOf } from '../events/live-envelope';

const PAGE = 500;

/** Reads the event log for a reconnecting client: every event of its rooms after `afterId`, in order. */
@Injectable()
export class EventReplay {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(afterId: string, rooms: readonly string[]): Promise<LiveEvent[]> {
    const rows = await this.dataSource
      .getRepository(EventRecord)
      .createQueryBuilder('e')
      .where('e.id > :afterId', { afterId })
      .andWhere('e.rooms && :rooms', { rooms })
      .orderBy('e.id', 'ASC')
      .limit(PAGE)
      .getMany();
    return rows.map(envelopeOf);
  }

  /** Calls `send` for every missed event, page by page; returns the last id sent. */
  async replay(
    afterId: string,
    rooms: readonly string[],
    send: (e: LiveEvent) => void,
  ): Promise<{ last: string; count: number }> {
    let last = afterId;
    let count = 0;
    for (;;) {
      const page = await this.page(last, rooms);
      for (const event of page) send(event);
      count += page.length;
      const tail = page[page.length - 1];
      if (tail) last = tail.id;
      if (page.length < PAGE) return { last, count };
    }
  }
}
