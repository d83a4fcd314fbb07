import { PeriodicTask, type PeriodicTaskOptions } from './periodic-task';

const EVERY_MS = 1000;

/** A run that finishes when the test says so. */
function gate() {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

function taskWith(run: PeriodicTaskOptions['run'], options: Partial<PeriodicTaskOptions> = {}) {
  const logger = { log: jest.fn(), warn: jest.fn(), debug: jest.fn() };
  const task = new PeriodicTask({ name: 'test job', everyMs: EVERY_MS, run, logger, ...options });
  return { task, logger };
}

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs every period, and not before the first unless asked to run at start', async () => {
    const run = jest.fn(() => Promise.resolve());
    const { task } = taskWith(run);
    task.start();
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS);
    expect(run).toHaveBeenCalledTimes(3);
    await task.stop();

    const eager = jest.fn(() => Promise.resolve());
    const second = taskWith(eager, { runAtStart: true }).task;
    second.start();
    expect(eager).toHaveBeenCalledTimes(1);
    await second.stop();
  });

  it('never starts a run while one is in flight, from a tick or from runNow', async () => {
    const first = gate();
    const run = jest.fn().mockReturnValueOnce(first.done).mockResolvedValue(undefined);
    const { task } = taskWith(run);
    task.start();
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(run).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(5 * EVERY_MS);
    const extra = task.runNow();
    expect(run).toHaveBeenCalledTimes(1);

    first.open();
    await extra;
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(run).toHaveBeenCalledTimes(2);
    await task.stop();
  });

  it('stop waits for the run in flight, tells it to end, and starts no other', async () => {
    const running = gate();
    let signal: AbortSignal | undefined;
    const run = jest.fn((s: AbortSignal) => {
      signal = s;
      return running.done;
    });
    const { task } = taskWith(run);
    task.start();
    await jest.advanceTimersByTimeAsync(EVERY_MS);

    let stopped = false;
    const stopping = task.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(signal?.aborted).toBe(true);
    expect(stopped).toBe(false);

    running.open();
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(10 * EVERY_MS);
    await task.runNow();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('stop gives up on a run that never ends after its bound, and says so', async () => {
    const { task, logger } = taskWith(() => new Promise(() => undefined), { stopWaitMs: 5000 });
    void task.runNow();
    let stopped = false;
    const stopping = task.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(4000);
    expect(stopped).toBe(false);
    await jest.advanceTimersByTimeAsync(1000);
    await stopping;
    expect(logger.warn).toHaveBeenCalledWith('test job still running after 5000 ms; stopped anyway');
  });

  it('warns once per run of failures, at debug level in between, and says when it recovered', async () => {
    const run = jest
      .fn()
      .mockRejectedValueOnce(new Error('database down'))
      .mockRejectedValueOnce(new Error('database down'))
      .mockRejectedValueOnce(new Error('database down'))
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('lock timeout'));
    const { task, logger } = taskWith(run);
    task.start();
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^test job failed: database down/));
    expect(logger.debug).toHaveBeenCalledTimes(2);

    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(logger.log).toHaveBeenCalledWith('test job recovered after 3 failed runs');

    // A new run of failures is news again.
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenLastCalledWith(expect.stringMatching(/^test job failed: lock timeout/));
    await task.stop();
  });

  it('does not warn about a run the shutdown cut off', async () => {
    const running = gate();
    const { task, logger } = taskWith(() => running.done);
    void task.runNow();
    const stopping = task.stop();
    running.fail(new Error('Connection is closed.'));
    await stopping;
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledWith('test job ended by the shutdown: Connection is closed.');
  });

  it('keeps no process alive: its timer is unreferenced', () => {
    jest.useRealTimers();
    const { task } = taskWith(() => Promise.resolve());
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    try {
      task.start();
      const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
    } finally {
      setIntervalSpy.mockRestore();
      void task.stop();
    }
  });
});
