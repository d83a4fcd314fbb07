import {
  levels,
  transport,
  type DestinationStream,
  type LevelWithSilent,
  type TransportTargetOptions,
} from 'pino';
import { ConfigError, type AppConfig } from '../config/app-config';

type LogSettings = Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FILE' | 'LOG_PRETTY'>;

export interface LogOutput {
  /** The logger's own level: the lowest any output takes, each output then keeping its own. */
  level: LevelWithSilent;
  /** Where the lines go; none: stdout, written on the request's own thread as pino does by default. */
  stream?: DestinationStream;
}

/**
 * The outputs the settings ask for beyond the default JSON on stdout: the JSON log into LOG_FILE,
 * readable lines on stdout from LOG_PRETTY's level up. Null: the default.
 */
export function logTargets(settings: LogSettings): TransportTargetOptions[] | null {
  if (!settings.LOG_FILE && !settings.LOG_PRETTY) return null;
  const targets: TransportTargetOptions[] = [];
  if (settings.LOG_FILE && settings.LOG_LEVEL !== 'silent') {
    targets.push({
      target: 'pino/file',
      level: settings.LOG_LEVEL,
      options: { destination: settings.LOG_FILE, mkdir: true },
    });
  }
  if (settings.LOG_PRETTY) {
    targets.push({
      target: 'pino-pretty',
      level: settings.LOG_PRETTY,
      options: {
        destination: 1,
        // The printer runs on a worker thread, which cannot tell whether stdout is a terminal.
        colorize: Boolean(process.stdout.isTTY),
        // "Shutdown: shut down" on one line rather than the context below the message.
        messageFormat: '{if context}{context}: {end}{msg}',
        ignore: 'pid,hostname,context',
      },
    });
  }
  return targets;
}

/**
 * Where the log goes. Files and the pretty printer go through one pino transport: its worker thread
 * formats and writes, so a request never waits on either.
 */
export function logOutput(settings: LogSettings): LogOutput {
  const targets = logTargets(settings);
  if (!targets) return { level: settings.LOG_LEVEL };
  if (targets.length === 0) return { level: 'silent' };
  if (settings.LOG_PRETTY) assertPrettyPrinterInstalled();
  return { level: lowestLevel(targets), stream: transport({ targets }) };
}

function lowestLevel(targets: TransportTargetOptions[]): LevelWithSilent {
  return targets
    .map((target) => target.level as LevelWithSilent)
    .reduce((lowest, level) => (levels.values[level] < levels.values[lowest] ? level : lowest));
}

// Without it the transport's thread would fail after start-up; a deployment prunes development
// dependencies, so say so at boot instead.
function assertPrettyPrinterInstalled(): void {
  try {
    require.resolve('pino-pretty');
  } catch {
    throw new ConfigError(
      'LOG_PRETTY needs pino-pretty, a development dependency, which is not installed here',
    );
  }
}
