import { PeriodicTask } from '../common/periodic-task';
import { BACKGROUND_SWEEPS, BackgroundSweeps } from './background-sweeps';

const quiet = { log: jest.fn(), warn: jest.fn(), debug: jest.fn() };
const taskNamed = (name: string) =>
  new PeriodicTask({ name, everyMs: 60_000, logger: quiet, run: () => Promise.resolve() });

describe('BackgroundSweeps', () => {
  it('starts every sweep once the app has booted, and stops them all', async () => {
    const sweeps = new BackgroundSweeps();
    const tasks = BACKGROUND_SWEEPS.map(taskNamed);
    tasks.forEach((task) => sweeps.register(task));
    expect(tasks.some((task) => task.started)).toBe(false);

    sweeps.onApplicationBootstrap();
    expect(tasks.every((task) => task.started)).toBe(true);
    expect(sweeps.running().sort()).toEqual([...BACKGROUND_SWEEPS].sort());

    await sweeps.onModuleDestroy();
    expect(tasks.some((task) => task.started)).toBe(false);
    expect(sweeps.running()).toEqual([]);
  });

  it('refuses to boot a worker with a sweep nobody registered, and starts none of the others', () => {
    const sweeps = new BackgroundSweeps();
    const [first, ...rest] = BACKGROUND_SWEEPS;
    const registered = rest.map(taskNamed);
    registered.forEach((task) => sweeps.register(task));
    expect(() => sweeps.onApplicationBootstrap()).toThrow(
      `No task registered for background sweep: ${first}`,
    );
    expect(registered.some((task) => task.started)).toBe(false);
  });

  it('refuses a sweep registered twice or one it does not know', () => {
    const sweeps = new BackgroundSweeps();
    sweeps.register(taskNamed('outbox cleanup'));
    expect(() => sweeps.register(taskNamed('outbox cleanup'))).toThrow(/registered twice/);
    expect(() => sweeps.register(taskNamed('something new'))).toThrow(/not one of BACKGROUND_SWEEPS/);
  });
});
