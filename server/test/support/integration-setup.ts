// Integration tests boot real apps and wait on real timers; five seconds is too tight on two cores.
jest.setTimeout(60_000);
