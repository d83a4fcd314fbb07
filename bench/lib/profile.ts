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
  scale: {
    /** One cluster per entry, each on a fresh database: how many api processes behind nginx. */
    apiCounts: number[];
    /** Worker processes (queue processors) beside them, the same in every cluster. */
    workers: number;
    /** Not counted: every api process's JIT and pools warm up. */
    warmupRate: number;
    warmupSeconds: number;
    /** Rising whistle rates, one step each, until the first whose p99 is over the limit or has errors. */
    stepRates: number[];
    stepSeconds: number;
    maxP99Ms: number;
    /** Fewer sockets than the dispatch scenario: each is two of the cluster nginx's 1,024 connections. */
    officersPerDepartment: number;
    wallScreens: number;
    listenerProcesses: number;
  };
}

const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : Number(raw);
};

const list = (name: string, fallback: string): number[] =>
  (process.env[name] || fallback).split(',').map(Number);

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
    scale: {
      apiCounts: list('BENCH_SCALE_APIS', '1,2,3'),
      workers: 2,
      warmupRate: 40,
      warmupSeconds: 5,
      stepRates: list('BENCH_SCALE_RATES', '20,40,60,80,100,120,150,180,210,250,300'),
      stepSeconds: env('BENCH_SCALE_STEP_SECONDS', 5),
      maxP99Ms: 200,
      officersPerDepartment: 10,
      wallScreens: 20,
      listenerProcesses: 2,
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
    scale: {
      // One cluster (~half a minute to start, sign in and stop): two api processes already show
      // requests and sockets spread by nginx and events crossing between processes.
      apiCounts: [2],
      workers: 2,
      warmupRate: 10,
      warmupSeconds: 1,
      stepRates: [10],
      stepSeconds: 2,
      maxP99Ms: 200,
      officersPerDepartment: 1,
      wallScreens: 2,
      listenerProcesses: 1,
    },
  };
}
