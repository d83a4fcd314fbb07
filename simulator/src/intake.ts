import { exponential, fillPlaces, pick, pickScenario, weighted } from '@whistle/demo';
import { CATEGORIES, type CreateIncidentRequest, type IncidentView } from '@whistle/shared';
import { choosePriority, SOURCE_WEIGHTS } from './choices';
import type { Sim } from './context';
import { randomPointIn } from './geometry';
import { triage } from './street-bot';
import { hourlyIntensity, simMinutesToRealMs } from './timing';
import type { Actor, GridInfo } from './world';

/** New incidents arrive as a Poisson process, busier by day than by night. */
export function scheduleIntake(sim: Sim): void {
  const perMinute = sim.opts.rate * hourlyIntensity(sim.log.simMinute);
  const gap = exponential(sim.rng, 1 / perMinute);
  sim.scheduler.after(simMinutesToRealMs(gap, sim.opts.compression), 'intake', async () => {
    scheduleIntake(sim);
    await raiseIncident(sim);
  });
}

async function raiseIncident(sim: Sim): Promise<void> {
  const source = weighted(sim.rng, SOURCE_WEIGHTS);
  const scenario = pickScenario(sim.rng);
  const { category } = scenario;
  const priority = choosePriority(sim.rng, category);
  let reporter: Actor | undefined;
  let grid: GridInfo | undefined;
  if (source === 'grid_worker' && sim.cast.gridWorkers.length > 0) {
    // A grid worker reports only inside the grids they look after (the server checks it).
    reporter = pick(sim.rng, sim.cast.gridWorkers);
    grid = sim.world.gridById.get(pick(sim.rng, reporter.user.gridIds));
  } else {
    const streetIds = [...sim.cast.streets.keys()];
    if (streetIds.length === 0) return;
    const streetId = pick(sim.rng, streetIds);
    reporter = sim.cast.streets.get(streetId);
    grid = pick(sim.rng, sim.world.gridsByStreet.get(streetId) ?? []);
  }
  if (!reporter || !grid) return;
  const { title, description } = fillPlaces(sim.rng, sim.places(grid.streetId), scenario);
  const body: CreateIncidentRequest = {
    title,
    description: source === 'hotline_12345' ? `12345热线市民来电：${description}` : description,
    category,
    priority,
    location: randomPointIn(grid.rings, sim.rng),
    source: source === 'grid_worker' && reporter.user.role !== 'grid_worker' ? 'operator' : source,
  };
  const api = reporter.api;
  const incident = await sim.act(`report ${title}`, () => api.post<IncidentView>('/api/incidents', body));
  if (!incident) return;
  sim.stats.count(body.source);
  sim.incidents.set(incident.id, { incident, scenario, refusedBy: new Set(), whistles: 0, closing: false });
  const who =
    body.source === 'grid_worker'
      ? `网格员 ${reporter.user.displayName.replace(/（.*）$/, '')} 上报`
      : body.source === 'hotline_12345'
        ? '12345工单 转入'
        : '街道指挥中心 发现';
  const categoryName = CATEGORIES.find((c) => c.code === category)?.nameZh ?? category;
  sim.log.info(`${who} · ${sim.streetName(incident.streetId)} · ${title} [${categoryName}, ${priority}]`);
  // Urgent matters are triaged at once; the rest wait in the street's queue a while.
  const delay = priority === 'urgent' ? sim.simDelay(1, 5) : sim.simDelay(5, 40);
  sim.scheduler.after(delay, 'triage', () => triage(sim, incident.id));
}
