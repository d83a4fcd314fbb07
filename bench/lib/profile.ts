/** How big each scenario is: the full run the targets are quoted for, or a seconds-long smoke run. */
export interface Profile {
  name: 'full' | 'smoke';
  dispatch: {
    rate: number;
    seconds: number;
    /** The same load first, not counted: a fresh server's JIT and connection pools warm up. */
    warmupSeconds: number;
    /** Duty-officer sockets per department (30 departments). */
    officersPerDepartment: number;
    /** Wall-screen sockets: a few in the district room, the rest in street rooms. */
    wallScreens: number;
    listenerProcesses: number;
  };
  intake: {
    stepRates: number[];
    stepSeconds: number;
    sustainSeconds: number;
    maxP99Ms: number;
    posterProcesses: number;
  };
  fanout: { sockets: number; trials: number; listenerProcesses: number };
  deadlines: { count: number; leadSeconds: number; windowSeconds: number };
}

const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : Number(raw);
};

export function fullProfile(): Profile {
  const sockets = env('BENCH_SOCKETS', 2000);
  const wallScreens = Math.min(50, Math.round(sockets / 40));
  return {
    name: 'full',
    dispatch: {
      rate: env('BENCH_RATE', 100),
      seconds: env('BENCH_DISPATCH_SECONDS', 30),
      warmupSeconds: env('BENCH_WARMUP_SECONDS', 5),
      officersPerDepartment: Math.floor((sockets - wallScreens) / 30),
      wallScreens,
      listenerProcesses: 2,
    },
    intake: {
      stepRates: (process.env.BENCH_INTAKE_RATES ?? '250,500,750,1000,1250,1500,2000').split(',').map(Number),
      stepSeconds: env('BENCH_INTAKE_STEP_SECONDS', 10),
      sustainSeconds: env('BENCH_INTAKE_SECONDS', 60),
      maxP99Ms: 200,
      posterProcesses: 2,
    },
    fanout: { sockets: env('BENCH_FANOUT_SOCKETS', 5000), trials: 20, listenerProcesses: 4 },
    deadlines: {
      count: env('BENCH_DEADLINES', 10_000),
      leadSeconds: 40,
      windowSeconds: env('BENCH_DEADLINE_WINDOW_SECONDS', 60),
    },
  };
}

export function smokeProfile(): Profile {
  return {
    name: 'smoke',
    dispatch: {
      rate: 10,
      seconds: 2,
      warmupSeconds: 1,
      officersPerDepartment: 1,
      wallScreens: 2,
      listenerProcesses: 1,
    },
    intake: { stepRates: [20], stepSeconds: 1, sustainSeconds: 2, maxP99Ms: 200, posterProcesses: 1 },
    fanout: { sockets: 40, trials: 2, listenerProcesses: 1 },
    deadlines: { count: 100, leadSeconds: 6, windowSeconds: 1 },
  };
}
