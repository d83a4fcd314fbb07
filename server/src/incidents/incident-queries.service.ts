import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  incidentActionsFor,
  type IncidentDetail,
  type IncidentView,
  type Page,
  type TimelineEntry,
  type WhistleView,
} from '@whistle/shared';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { Dispatch } from '../dispatches/dispatch.entity';
import { canSeeDispatch, dispatchActionsForUser } from '../dispatches/dispatch-parties';
import { toDispatchView } from '../dispatches/dispatch-view';
import { EventRecord } from '../events/event.entity';
import { User } from '../users/user.entity';
import { Whistle } from '../whistles/whistle.entity';
import { toWhistleSummary } from '../whistles/whistle-view';
import type { ListIncidentsDto } from './dto/list-incidents.dto';
import { IncidentAccess } from './incident-access.service';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { Incident } from './incident.entity';
import { lastSiteCheckOf } from './last-site-check';
import { LikelyDuplicates } from './likely-duplicates';
import { toIncidentView } from './incident-view';

const DEFAULT_LIMIT = 50;

@Injectable()
export class IncidentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly duplicates: LikelyDuplicates,
  ) {}

  async list(user: AuthUser, query: ListIncidentsDto): Promise<Page<IncidentView>> {
    const qb = this.dataSource.getRepository(Incident).createQueryBuilder('i');
    await this.access.scopeQuery(user, qb, query.streetId);
    if (query.status?.length) qb.andWhere('i.status IN (:...status)', { status: query.status });
    if (query.category) qb.andWhere('i.category = :category', { category: query.category });
    if (query.priority) qb.andWhere('i.priority = :priority', { priority: query.priority });
    if (query.overdue !== undefined) qb.andWhere('i.overdue = :overdue', { overdue: query.overdue });
    if (query.bbox) {
      const [minLng, minLat, maxLng, maxLat] = query.bbox.split(',').map(Number);
      qb.andWhere('i.lng BETWEEN :minLng AND :maxLng AND i.lat BETWEEN :minLat AND :maxLat', {
        minLng,
        minLat,
        maxLng,
        maxLat,
      });
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => w.where('i.title ILIKE :like', { like }).orWhere('i.description ILIKE :like')),
      );
    }
    const total = await qb.getCount();
    const limit = query.limit ?? DEFAULT_LIMIT;
    qb.orderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(limit + 1);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere('(i.createdAt, i.id) < (:cursorAt, :cursorId)', {
        cursorAt: cursor.createdAt,
        cursorId: cursor.id,
      });
    } else if (query.page) {
      qb.skip((query.page - 1) * limit);
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((i) => toIncidentView(i, incidentActionsFor(i.status, user.role))),
      total,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  async detail(user: AuthUser, id: string): Promise<IncidentDetail> {
    const manager = this.dataSource.manager;
    const incident = await this.access.load(user, manager, id);
    const whistles = await manager.find(Whistle, { where: { incidentId: id }, order: { createdAt: 'ASC' } });
    const dispatches = await manager.find(Dispatch, {
      where: { incidentId: id },
      order: { createdAt: 'ASC' },
    });
    const mergedIds = await mergedInto(manager, id);
    const events = await manager.find(EventRecord, {
      where: { incidentId: In([id, ...mergedIds]) },
      order: { id: 'ASC' },
    });
    // A department sees its own dispatches only, and not who verified (and so rated) its work.
    const visible = dispatches.filter((d) => canSeeDispatch(user, d));
    const mergedDispatches = mergedIds.length
      ? await manager.find(Dispatch, { where: { incidentId: In(mergedIds) } })
      : [];
    const visibleIds = new Set(
      [...visible, ...mergedDispatches.filter((d) => canSeeDispatch(user, d))].map((d) => d.id),
    );
    const shown = events.filter((e) => e.dispatchId === null || visibleIds.has(e.dispatchId));
    const hideRater = (e: EventRecord) =>
      user.role === 'dept_officer' && ['verify', 'reopen'].includes(e.change);
    const actors = await this.actors(shown.flatMap((e) => (e.actorId && !hideRater(e) ? [e.actorId] : [])));
    const dispatchView = (d: Dispatch) => toDispatchView(d, incident, dispatchActionsForUser(user, d));
    const whistleViews: WhistleView[] = whistles.map((w) => ({
      ...toWhistleSummary(w),
      dispatches: visible
        .filter((d) => d.whistleId === w.id && d.assigneeKind !== 'leader')
        .map(dispatchView),
      leaderDispatches: visible
        .filter((d) => d.whistleId === w.id && d.assigneeKind === 'leader')
        .map(dispatchView),
    }));
    const timeline: TimelineEntry[] = shown.map((e) => ({
      eventId: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actorId && !hideRater(e) ? (actors.get(e.actorId) ?? null) : null,
      // Entries carried over from an incident merged into this one say which incident they are about.
      summary: e.incidentId === id ? summarize(e) : { ...summarize(e), incidentId: e.incidentId },
    }));
    return {
      ...toIncidentView(incident, incidentActionsFor(incident.status, user.role)),
      whistles: whistleViews,
      tasks: visible.filter((d) => d.whistleId === null).map(dispatchView),
      timeline,
      citizenSatisfaction: incident.citizenSatisfaction,
      likelyDuplicates: await this.duplicates.of(user, manager, incident),
      lastSiteCheck: lastSiteCheckOf(shown, id),
    };
  }

  private async actors(ids: string[]): Promise<Map<string, NonNullable<TimelineEntry['actor']>>> {
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.manager.find(User, { where: { id: In([...new Set(ids)]) } });
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName, role: u.role }]));
  }
}

/**
 * Every incident merged into this one, also through incidents merged into those (A → B → C shows
 * A's timeline on C too): merging keeps every timeline readable from the survivor.
 */
async function mergedInto(manager: EntityManager, id: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `WITH RECURSIVE merged(id) AS (
       SELECT id FROM incidents WHERE merged_into_id = $1
       UNION SELECT i.id FROM incidents i JOIN merged m ON i.merged_into_id = m.id
     ) SELECT id FROM merged`,
    [id],
  );
  return rows.map((r) => r.id);
}

/** The few payload fields a timeline row shows; ratings never appear here (back-to-back). */
function summarize(e: EventRecord): Record<string, unknown> {
  const p = e.payload as Record<string, unknown>;
  const keep = [
    'status',
    'change',
    'departmentId',
    'leaderUserId',
    'type',
    'note',
    'reason',
    'stage',
    'notice',
    'rejectReason',
    'resolutionNote',
    'escalation',
    'dispatchId',
    'departmentIds',
    'mergedIntoId',
    'siteCheck',
  ];
  const summary: Record<string, unknown> = { change: e.change };
  for (const key of keep) if (p[key] !== undefined && p[key] !== null) summary[key] = p[key];
  if (e.dispatchId) summary.dispatchId = e.dispatchId;
  return summary;
}
