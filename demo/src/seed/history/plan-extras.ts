import { ADMISSION_LISTS } from '../demo-data';
import { deskTime, Draw, HOUR, MINUTE } from './draw';
import { trackStep, type DraftStep, type IncidentDraft, type PlanContext } from './plan-incident';
import { planTrack } from './plan-track';
import { DUPLICATE_PREFIXES, fillPlaces, placesOf, TASK_RETURN_REASONS, TASK_TEMPLATES } from '../../world';

/** Share of repeat reports registered before the street notices they repeat an open matter. */
const DUPLICATES_REGISTERED = 0.7;

/**
 * A repeat report of an earlier, still open matter (another 12345 call about the same stall),
 * folded into it (合并): registered or not, then merged before the first one closes.
 */
export function planDuplicate(
  ctx: PlanContext,
  key: string,
  originals: readonly IncidentDraft[],
  cutoff: number,
): IncidentDraft | null {
  const draw = new Draw(`${ctx.seed}:${key}`);
  const open = originals.filter((o) => o.steps.some((s) => s.action.kind === 'register'));
  for (let attempt = 0; attempt < 20 && open.length > 0; attempt++) {
    const original = draw.pick(open);
    const earliest = original.createdAt + 30 * MINUTE;
    const latest = Math.min(original.closeAt ?? Infinity, cutoff) - 2 * HOUR;
    if (latest <= earliest) continue;
    const createdAt = earliest + Math.min(latest - earliest, 2 * 24 * HOUR) * draw.unit();
    const registered = draw.chance(DUPLICATES_REGISTERED);
    const registeredAt = createdAt + draw.minutes(5, 45);
    const mergedAt = (registered ? registeredAt : createdAt) + draw.minutes(10, 40);
    const steps: DraftStep[] = [
      { at: createdAt, incident: key, action: { kind: 'create' } },
      ...(registered ? [{ at: registeredAt, incident: key, action: { kind: 'register' as const } }] : []),
      { at: mergedAt, incident: key, action: { kind: 'merge', into: original.incident.key } },
    ];
    return {
      incident: {
        ...original.incident,
        key,
        source: 'hotline_12345',
        reporter: null,
        title: `${draw.pick(DUPLICATE_PREFIXES)}${original.incident.title}`,
        near: original.incident.key,
      },
      steps,
      createdAt,
      closeAt: null,
    };
  }
  return null;
}

/**
 * A task a department sends down to a street (部门派单). On the street's admission list it is
 * accepted, done and checked by the department; off the list, the street sends it back.
 */
export function planTask(
  ctx: PlanContext,
  key: string,
  admitted: boolean,
  start: number,
  cutoff: number,
): IncidentDraft {
  const draw = new Draw(`${ctx.seed}:${key}`);
  const streets = Object.keys(ADMISSION_LISTS);
  const fits = TASK_TEMPLATES.flatMap((template) =>
    streets
      .filter((street) => (ADMISSION_LISTS[street] ?? []).includes(template.category) === admitted)
      .map((street) => ({ template, street })),
  );
  const { template, street } = draw.pick(fits);
  const createdAt = deskTime(start + (cutoff - start) * draw.unit(), draw);
  const type = 'key_work' as const;
  const incident = {
    key,
    streetCode: street,
    source: 'department' as const,
    reporter: null,
    category: template.category,
    priority: 'normal' as const,
    ...fillPlaces(draw.random, placesOf(street), template),
    spot: { grid: draw.unit(), x: draw.unit(), y: draw.unit() },
    near: null,
    task: { departmentCode: template.departmentCode, type },
  };
  const track = planTrack(draw, {
    type,
    limits: ctx.limitsFor(type, incident.priority),
    createdAt,
    repeatMs: ctx.repeatMs,
    ...(admitted ? {} : { rejectReason: draw.pick(TASK_RETURN_REASONS) }),
    resolution: template.resolution,
    rated: false,
  });
  const steps: DraftStep[] = [
    { at: createdAt, incident: key, action: { kind: 'create' } },
    ...track.map((s) => trackStep(key, { kind: 'task', incident: key }, s)),
  ];
  const verified = track.find((s) => 'act' in s && s.act.action === 'verify');
  let closeAt: number | null = null;
  if (verified) {
    // The task is the street's incident: once the department has checked it, the street closes it.
    closeAt = deskTime(verified.at + draw.minutes(10, 180), draw);
    steps.push({ at: closeAt, incident: key, action: { kind: 'close' } });
  }
  return { incident, steps, createdAt, closeAt };
}
