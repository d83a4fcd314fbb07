import { DEMO_PASSWORD } from '@whistle/demo';

/** What the simulator is asked to do, from CLI flags first, then SIM_* environment variables. */
export interface SimOptions {
  url: string;
  /** New incidents per minute of simulated time (averaged over the day; busier by day than by night). */
  rate: number;
  /** Simulated seconds per real second. */
  compression: number;
  seed: string;
  /** Real seconds to run; null runs until SIGINT/SIGTERM. */
  durationSeconds: number | null;
  /** Share of short-deadline dispatches (emergency; deadlines of minutes) whose bot misses a deadline on purpose. */
  lateShare: number;
  password: string;
}

/** 1,440 simulated minutes in ~10 real minutes: a district day per demo. */
export const DEFAULT_COMPRESSION = 144;
/** ~115 incidents a day: dozens of whistles in a 10-minute demo. */
export const DEFAULT_RATE = 0.08;

/** Of the dispatches whose deadline is minutes away (emergency), this share runs late: overdue notices within a demo. */
export const DEFAULT_LATE_SHARE = 0.3;

export const USAGE = `npm run simulate -- [--url URL] [--rate N] [--compression N] [--seed S] [--duration SECONDS] [--late-share P]
  --url          server base URL (SIM_URL, default http://127.0.0.1:3000)
  --rate         new incidents per simulated minute (SIM_RATE, default ${DEFAULT_RATE})
  --compression  simulated seconds per real second (SIM_COMPRESSION, default ${DEFAULT_COMPRESSION}: a day in 10 minutes)
  --seed         random seed (SIM_SEED, default: time-based)
  --duration     real seconds to run (SIM_DURATION, default: until Ctrl-C)
  --late-share   share of short-deadline dispatches deliberately late, 0–1 (SIM_LATE_SHARE, default ${DEFAULT_LATE_SHARE})`;

export class OptionsError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses `--name value` and `--name=value`; unknown flags are an error, so typos do not go unnoticed. */
export function parseOptions(argv: readonly string[], env: Env, now = Date.now()): SimOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new OptionsError(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new OptionsError(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    }
  }
  const known = ['url', 'rate', 'compression', 'seed', 'duration', 'late-share'];
  for (const name of flags.keys()) {
    if (!known.includes(name)) throw new OptionsError(`unknown option --${name}`);
  }
  const raw = (flag: string, envName: string): string | undefined => flags.get(flag) ?? env[envName];
  const positive = (flag: string, envName: string, fallback: number): number => {
    const text = raw(flag, envName);
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new OptionsError(`--${flag} must be a positive number`);
    return value;
  };
  const durationText = raw('duration', 'SIM_DURATION');
  const lateShare = positiveOrZero(raw('late-share', 'SIM_LATE_SHARE'), DEFAULT_LATE_SHARE);
  if (lateShare > 1) throw new OptionsError('--late-share must be between 0 and 1');
  return {
    url: (raw('url', 'SIM_URL') ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    rate: positive('rate', 'SIM_RATE', DEFAULT_RATE),
    compression: positive('compression', 'SIM_COMPRESSION', DEFAULT_COMPRESSION),
    seed: raw('seed', 'SIM_SEED') || String(now),
    durationSeconds:
      durationText === undefined || durationText === '' ? null : positive('duration', 'SIM_DURATION', 0),
    lateShare,
    password: env.SIM_PASSWORD ?? DEMO_PASSWORD,
  };
}

function positiveOrZero(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new OptionsError('--late-share must be between 0 and 1');
  return value;
}
