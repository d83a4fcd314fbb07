import { between, placesOf, type Random, type Scenario, type StreetPlaces } from '@whistle/demo';
import type { IncidentView } from '@whistle/shared';
import { ApiError } from './api';
import type { Log } from './log';
import type { SimOptions } from './options';
import type { Scheduler } from './scheduler';
import type { Stats } from './stats';
import { simMinutesToRealMs } from './timing';
import type { Cast, World } from './world';

/** An incident the simulator raised (or a task it saw sent down), followed to its close. */
export interface TrackedIncident {
  incident: Pick<IncidentView, 'id' | 'title' | 'category' | 'priority' | 'streetId'>;
  /** The demo world's matter it was raised as (none for a task sent down): how departments report the fix. */
  scenario?: Scenario;
  /** Departments that rejected a dispatch on it: not summoned again. */
  refusedBy: Set<string>;
  whistles: number;
  closing: boolean;
}

/** Everything the bots share: options, the district, the signed-in cast, and what is in flight. */
export class Sim {
  readonly incidents = new Map<string, TrackedIncident>();
  /** Dispatches opened by the simulator's whistles and tasks: the ones counted in the summary. */
  readonly dispatches = new Set<string>();
  /** Dispatches whose verification already failed once: the second check passes. */
  readonly reopenedOnce = new Set<string>();

  constructor(
    readonly opts: SimOptions,
    readonly world: World,
    readonly cast: Cast,
    readonly log: Log,
    readonly stats: Stats,
    readonly scheduler: Scheduler,
    readonly rng: Random,
  ) {}

  /** Real ms for a step that takes between `min` and `max` simulated minutes. */
  simDelay(min: number, max: number): number {
    return simMinutesToRealMs(between(this.rng, min, max), this.opts.compression);
  }

  streetName(id: string): string {
    return this.world.streets.find((s) => s.id === id)?.nameZh.replace(/街道$/, '') ?? id.slice(0, 8);
  }

  streetCode(id: string): string {
    return this.world.streets.find((s) => s.id === id)?.code ?? '';
  }

  deptName(id: string | null): string {
    return this.world.departments.find((d) => d.id === id)?.nameZh ?? String(id).slice(0, 8);
  }

  places(streetId: string): StreetPlaces {
    return placesOf(this.streetCode(streetId));
  }

  /**
   * Runs one API call; a failure is logged and counted, never thrown. 409 is a normal race (a
   * human on the dashboard, a timer or another bot moved the object first).
   */
  async act<T>(label: string, call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        this.stats.conflicts++;
        this.log.info(`· ${label}: 409 ${err.body.currentStatus ?? ''} — someone got there first, moving on`);
      } else {
        this.stats.errors++;
        this.log.warn(`${label} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return null;
    }
  }
}
