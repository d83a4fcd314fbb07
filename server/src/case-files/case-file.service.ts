import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  incidentActionsFor,
  type IncidentDetail,
  type TimelineEntry,
  type WhistleView,
} from '@whistle/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { dispatchesOfIncidents, type DispatchRow } from '../dispatches/dispatch-reads';
import { canSeeDispatch, dispatchActionsForUser } from '../dispatches/dispatch-parties';
import { toDispatchView } from '../dispatches/dispatch-view';
import { eventsOfIncidents, type LoggedEvent } from '../events/event-reads';
import { IncidentAccess } from '../incidents/incident-access.service';
import { mergedIntoIds } from '../incidents/incident-reads';
import { toIncidentView } from '../incidents/incident-view';
import { lastSiteCheckOf } from '../incidents/last-site-check';
import { LikelyDuplicates } from '../incidents/likely-duplicates';
import { UsersService } from '../users/users.service';
import { whistlesOfIncident } from '../whistles/whistle-reads';
import { toWhistleSummary } from '../whistles/whistle-view';

/**
 * An incident's case file (案卷): the incident with its whistles, the dispatches each summoned,
 * tasks sent down, and its timeline (with those of incidents merged into it) — read from the
 * incidents, whistles, dispatches and events modules, each through what it exports.
 */
@Injectable()
export class CaseFileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly duplicates: LikelyDuplicates,
    private readonly users: UsersService,
  ) {}

  async detail(user: AuthUser, id: string): Promise<IncidentDetail> {
    const manager = this.dataSource.manager;
    const incident = await this.access.load(user, manager, id);
    const whistles = await whistlesOfIncident(manager, id);
    const dispatches = await dispatchesOfIncidents(manager, [id]);
    const mergedIds = await mergedIntoIds(manager, id);
    const events = await eventsOfIncidents(manager, [id, ...mergedIds]);
    // A department sees its own dispatches only, and not who verified (and so rated) its work.
    const visible = dispatches.filter((d) => canSeeDispatch(user, d));
    const mergedDispatches = await dispatchesOfIncidents(manager, mergedIds);
    const visibleIds = new Set(
      [...visible, ...mergedDispatches.filter((d) => canSeeDispatch(user, d))].map((d) => d.id),
    );
    const shown = events.filter((e) => e.dispatchId === null || visibleIds.has(e.dispatchId));
    const hideRater = (e: LoggedEvent) =>
      user.role === 'dept_officer' && ['verify', 'reopen'].includes(e.change);
    const actors = await this.users.actors(
      shown.flatMap((e) => (e.actorId && !hideRater(e) ? [e.actorId] : [])),
    );
    const dispatchView = (d: DispatchRow) => toDispatchView(d, incident, dispatchActionsForUser(user, d));
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
}

/** The few payload fields a timeline row shows; ratings never appear here (back-to-back). */
function summarize(e: LoggedEvent): Record<string, unknown> {
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
