import {
  chance,
  INCIDENT_REJECT_REASONS,
  pick,
  RATING_COMMENTS,
  reopenReasonsOf,
  TASK_RETURN_REASONS,
  weighted,
  whistleNote,
} from '@whistle/demo';
import {
  CATEGORIES,
  WHISTLE_TYPE_NAMES,
  type DispatchView,
  type IncidentDetail,
  type IncidentView,
  type LiveEvent,
  type WhistleView,
} from '@whistle/shared';
import { workOn } from './assignee-bot';
import { chooseDepartments, chooseWhistleType } from './choices';
import type { Sim } from './context';
import { isEvent } from './live';
import type { Actor } from './world';

/** A street re-whistles a matter whose departments all refused it, but not forever. */
const MAX_WHISTLES = 3;

function streetOf(sim: Sim, streetId: string): Actor | undefined {
  return sim.cast.streets.get(streetId);
}

/** 立案 or 不予立案: most reports are real; some were fixed already or are not the street's to handle. */
export async function triage(sim: Sim, incidentId: string): Promise<void> {
  const tracked = sim.incidents.get(incidentId);
  const street = tracked && streetOf(sim, tracked.incident.streetId);
  if (!tracked || !street) return;
  const { incident } = tracked;
  const name = sim.streetName(incident.streetId);
  if (incident.priority !== 'urgent' && chance(sim.rng, 0.08)) {
    const reason = pick(sim.rng, INCIDENT_REJECT_REASONS);
    const done = await sim.act('reject incident', () =>
      street.api.post<IncidentView>(`/api/incidents/${incidentId}/reject`, { reason }),
    );
    sim.incidents.delete(incidentId);
    if (!done) return;
    sim.stats.incidentsRejected++;
    sim.log.info(`${name} 不予立案 · ${incident.title} — ${reason}`);
    return;
  }
  const registered = await sim.act('register', () =>
    street.api.post<IncidentView>(`/api/incidents/${incidentId}/register`),
  );
  if (!registered) return;
  sim.stats.registered++;
  tracked.incident = registered;
  sim.log.info(`${name} 立案 · ${incident.title}`);
  const delay = incident.priority === 'urgent' ? sim.simDelay(0.5, 3) : sim.simDelay(3, 20);
  sim.scheduler.after(delay, 'whistle', () => blowWhistle(sim, incidentId));
}

/** 吹哨: the whistle type follows the matter; the departments follow the category's suggestions. */
export async function blowWhistle(sim: Sim, incidentId: string): Promise<void> {
  const tracked = sim.incidents.get(incidentId);
  const street = tracked && streetOf(sim, tracked.incident.streetId);
  if (!tracked || !street || tracked.whistles >= MAX_WHISTLES) return;
  const { incident } = tracked;
  const category = CATEGORIES.find((c) => c.code === incident.category);
  if (!category) return;
  const type =
    tracked.whistles > 0 ? 'enforcement' : chooseWhistleType(sim.rng, category.code, incident.priority);
  const codes = chooseDepartments(
    sim.rng,
    category.suggestedDepartments,
    sim.world.departments.map((d) => d.code),
    tracked.refusedBy,
  );
  const departmentIds = codes
    .map((code) => sim.world.departments.find((d) => d.code === code)?.id)
    .filter((id): id is string => id !== undefined);
  if (departmentIds.length === 0) return;
  const note = whistleNote(sim.rng, type, incident.title);
  const whistle = await sim.act('whistle', () =>
    street.api.post<WhistleView>(`/api/incidents/${incidentId}/whistles`, { type, departmentIds, note }),
  );
  if (!whistle) return;
  tracked.whistles++;
  sim.stats.whistles[type]++;
  for (const d of whistle.dispatches) sim.dispatches.add(d.id);
  for (const d of whistle.leaderDispatches) sim.dispatches.add(d.id);
  sim.stats.dispatchesOpened += whistle.dispatches.length;
  sim.stats.leaderDispatches += whistle.leaderDispatches.length;
  const summoned = departmentIds.map((id) => sim.deptName(id)).join('、');
  const leaders = whistle.leaderDispatches.length ? ` + 区领导×${whistle.leaderDispatches.length}` : '';
  sim.log.info(
    `${sim.streetName(incident.streetId)} 吹哨【${WHISTLE_TYPE_NAMES[type].nameZh}】→ ${summoned}${leaders} · ${incident.title}`,
  );
}

/** What a street command centre does with the events of its street. */
export function onStreetEvent(sim: Sim, street: Actor, event: LiveEvent): void {
  if (isEvent(event, 'dispatch.created')) {
    const d = event.payload;
    if (d.direction === 'dept_to_street' && d.streetId === street.user.streetId) receiveTask(sim, street, d);
  } else if (isEvent(event, 'dispatch.updated')) {
    const d = event.payload;
    if (!sim.dispatches.has(d.id) || d.direction !== 'street_to_dept') return;
    if (event.payload.change === 'resolve') {
      sim.scheduler.after(sim.simDelay(10, 60), 'verify', () => verify(sim, street, d));
    } else if (event.payload.change === 'reject') {
      const tracked = sim.incidents.get(d.incidentId);
      const code = sim.world.departments.find((x) => x.id === d.departmentId)?.code;
      if (tracked && code) tracked.refusedBy.add(code);
      sim.scheduler.after(sim.simDelay(5, 20), 'rewhistle', () =>
        rewhistleIfNeeded(sim, street, d.incidentId),
      );
    }
  } else if (isEvent(event, 'incident.updated')) {
    const tracked = sim.incidents.get(event.payload.id);
    if (tracked && event.payload.status === 'verified' && !tracked.closing) {
      tracked.closing = true;
      sim.scheduler.after(sim.simDelay(5, 30), 'close', () => close(sim, street, event.payload.id));
    }
  }
}

/** 复核: most fixes hold and are rated; some fail once and go back to the department. */
async function verify(sim: Sim, street: Actor, d: DispatchView): Promise<void> {
  const failOnce = !sim.reopenedOnce.has(d.id) && chance(sim.rng, 0.12);
  const who = d.leaderUserId ? '区领导' : sim.deptName(d.departmentId);
  if (failOnce) {
    const reason = pick(sim.rng, reopenReasonsOf(d.incident.category));
    const done = await sim.act('verify (fail)', () =>
      street.api.post<DispatchView>(`/api/dispatches/${d.id}/verify`, { passed: false, reason }),
    );
    if (!done) return;
    sim.reopenedOnce.add(d.id);
    sim.stats.verifiedFailed++;
    sim.log.info(
      `${sim.streetName(d.streetId)} 复核不通过 → ${who} 重新处置 · ${d.incident.title} — ${reason}`,
    );
    return;
  }
  const wasLate = d.overdueStages.length > 0;
  const rating = d.leaderUserId
    ? undefined
    : wasLate
      ? weighted(sim.rng, [
          [3, 5],
          [4, 3],
          [2, 1],
        ])
      : weighted(sim.rng, [
          [5, 6],
          [4, 3],
          [3, 1],
        ]);
  const comment =
    rating !== undefined && chance(sim.rng, 0.6) ? pick(sim.rng, RATING_COMMENTS[rating] ?? []) : undefined;
  const done = await sim.act('verify', () =>
    street.api.post<DispatchView>(`/api/dispatches/${d.id}/verify`, { passed: true, rating, comment }),
  );
  if (!done) return;
  sim.stats.verifiedPassed++;
  if (rating !== undefined) sim.stats.ratings.push(rating);
  sim.log.info(
    `${sim.streetName(d.streetId)} 复核通过 ${who}${rating !== undefined ? ` ★${rating}` : ''} · ${d.incident.title}`,
  );
}

/** After a refusal, the incident is back with the street only if no other department is still on it. */
async function rewhistleIfNeeded(sim: Sim, street: Actor, incidentId: string): Promise<void> {
  const detail = await sim.act('load incident', () =>
    street.api.get<IncidentDetail>(`/api/incidents/${incidentId}`),
  );
  if (detail?.status === 'registered') await blowWhistle(sim, incidentId);
}

async function close(sim: Sim, street: Actor, incidentId: string): Promise<void> {
  const closed = await sim.act('close', () =>
    street.api.post<IncidentView>(`/api/incidents/${incidentId}/close`),
  );
  sim.incidents.delete(incidentId);
  if (!closed) return;
  sim.stats.closed++;
  sim.log.info(`${sim.streetName(closed.streetId)} 办结归档 · ${closed.title}`);
}

/** A task sent down: accepted when on the street's admission list (准入清单), returned otherwise. */
function receiveTask(sim: Sim, street: Actor, d: DispatchView): void {
  const admitted = sim.world.admission.get(d.streetId)?.has(d.incident.category) ?? true;
  // Followed to its close like the street's own incidents.
  if (!sim.incidents.has(d.incidentId)) {
    sim.incidents.set(d.incidentId, {
      incident: d.incident,
      refusedBy: new Set(),
      whistles: MAX_WHISTLES,
      closing: false,
    });
  }
  if (admitted) {
    workOn(sim, street, d, { canReject: false, role: 'street' });
    return;
  }
  sim.scheduler.after(sim.simDelay(10, 40), 'return task', async () => {
    const reason = pick(sim.rng, TASK_RETURN_REASONS);
    const done = await sim.act('return task', () =>
      street.api.post<DispatchView>(`/api/dispatches/${d.id}/reject`, { reason }),
    );
    sim.incidents.delete(d.incidentId);
    if (!done) return;
    sim.stats.tasksReturned++;
    sim.log.info(
      `${sim.streetName(d.streetId)} 退回派单 ← ${sim.deptName(d.departmentId)} · ${d.incident.title} — ${reason}`,
    );
  });
}
