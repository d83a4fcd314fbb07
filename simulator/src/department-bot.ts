import { exponential, fillPlaces, pick, TASK_TEMPLATES } from '@whistle/demo';
import type { DispatchView, LiveEvent, SendTaskRequest } from '@whistle/shared';
import { redo, workOn, type AssigneeRole } from './assignee-bot';
import type { Sim } from './context';
import { randomPointIn } from './geometry';
import { isEvent } from './live';
import { simMinutesToRealMs } from './timing';
import type { Actor } from './world';

/** A department's duty officer: works the dispatches sent to it and checks the tasks it sent down. */
export function onDepartmentEvent(sim: Sim, officer: Actor, event: LiveEvent): void {
  const mine = (d: DispatchView) =>
    d.direction === 'street_to_dept' &&
    d.assigneeKind === 'department' &&
    d.departmentId === officer.user.departmentId;
  if (isEvent(event, 'dispatch.created')) {
    if (mine(event.payload) && event.payload.status === 'pending') {
      workOn(sim, officer, event.payload, { canReject: true, role: 'department' });
    }
  } else if (isEvent(event, 'dispatch.updated')) {
    const d = event.payload;
    if (mine(d) && d.change === 'reopen') {
      redo(sim, officer, d, { canReject: false, role: 'department' });
    } else if (
      d.direction === 'dept_to_street' &&
      d.departmentId === officer.user.departmentId &&
      d.change === 'resolve'
    ) {
      sim.scheduler.after(sim.simDelay(20, 90), 'verify task', () => verifyTask(sim, officer, d));
    }
  }
}

/** A district leader summoned by a tough-problem whistle (双报到) works it like a department. */
export function onLeaderEvent(sim: Sim, leader: Actor, event: LiveEvent): void {
  const mine = (d: DispatchView) => d.assigneeKind === 'leader' && d.leaderUserId === leader.user.id;
  const role: AssigneeRole = 'leader';
  if (isEvent(event, 'dispatch.created') && mine(event.payload) && event.payload.status === 'pending') {
    workOn(sim, leader, event.payload, { canReject: false, role });
  } else if (isEvent(event, 'dispatch.updated') && mine(event.payload) && event.payload.change === 'reopen') {
    redo(sim, leader, event.payload, { canReject: false, role });
  }
}

async function verifyTask(sim: Sim, officer: Actor, d: DispatchView): Promise<void> {
  const done = await sim.act('verify task', () =>
    officer.api.post<DispatchView>(`/api/dispatches/${d.id}/verify`, {
      passed: true,
      comment: '已收到反馈，同意办结',
    }),
  );
  if (done)
    sim.log.info(
      `${sim.deptName(d.departmentId)} 确认派单办结 · ${sim.streetName(d.streetId)} · ${d.incident.title}`,
    );
}

/** About one task every couple of simulated hours, district-wide. */
const TASK_MEAN_GAP_MINUTES = 150;

/** 部门派单: departments send tasks down to streets, some of them off the street's admission list. */
export function scheduleTasks(sim: Sim): void {
  const gap = exponential(sim.rng, TASK_MEAN_GAP_MINUTES);
  sim.scheduler.after(simMinutesToRealMs(gap, sim.opts.compression), 'task', async () => {
    scheduleTasks(sim);
    await sendTask(sim);
  });
}

async function sendTask(sim: Sim): Promise<void> {
  const template = pick(sim.rng, TASK_TEMPLATES);
  const department = sim.world.departments.find((d) => d.code === template.departmentCode);
  const officer = department && sim.cast.departments.get(department.id);
  const street = pick(sim.rng, sim.world.streets);
  const grid = pick(sim.rng, sim.world.gridsByStreet.get(street.id) ?? []);
  if (!officer || !grid) return;
  const { title, description } = fillPlaces(sim.rng, sim.places(street.id), template);
  const body: SendTaskRequest = {
    streetId: street.id,
    title,
    description,
    category: template.category,
    priority: 'normal',
    location: randomPointIn(grid.rings, sim.rng),
    type: 'key_work',
  };
  const sent = await sim.act('send task', () =>
    officer.api.post<DispatchView>('/api/dispatches/tasks', body),
  );
  if (!sent) return;
  sim.stats.tasksSent++;
  sim.dispatches.add(sent.id);
  sim.log.info(`${sim.deptName(sent.departmentId)} 派单 → ${sim.streetName(street.id)} · ${body.title}`);
}
