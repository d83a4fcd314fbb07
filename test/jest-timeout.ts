// Tests boot real apps and wait on real timers; a busy two-core machine must not fail them for time.
jest.setTimeout(60_000);
