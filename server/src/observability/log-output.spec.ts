import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import { logOutput, logTargets } from './log-output';

describe('logTargets', () => {
  it('leaves the default, JSON on stdout, when neither a file nor readable lines are asked for', () => {
    expect(logTargets({ LOG_LEVEL: 'debug' })).toBeNull();
    expect(logOutput({ LOG_LEVEL: 'debug' })).toEqual({ level: 'debug' });
  });

  it('sends the JSON log to the file at LOG_LEVEL and readable lines to stdout at their own level', () => {
    const targets = logTargets({ LOG_LEVEL: 'info', LOG_FILE: 'logs/demo.log', LOG_PRETTY: 'warn' });
    expect(targets).toEqual([
      { target: 'pino/file', level: 'info', options: { destination: 'logs/demo.log', mkdir: true } },
      expect.objectContaining({
        target: 'pino-pretty',
        level: 'warn',
        options: expect.objectContaining({ destination: 1 }),
      }),
    ]);
  });

  it('prints a readable line per entry, with its Nest context before the message', () => {
    const [pretty] = logTargets({ LOG_LEVEL: 'info', LOG_PRETTY: 'warn' }) ?? [];
    const format = prettyFactory({ ...pretty?.options, colorize: false });
    const entry = { level: 40, time: 0, pid: 1, hostname: 'h', context: 'Shutdown', msg: 'still running' };
    expect(format(entry)).toMatch(/^\[[\d:.]+\] WARN: Shutdown: still running\n$/);
  });

  it('writes no file for a silent JSON log', () => {
    expect(logTargets({ LOG_LEVEL: 'silent', LOG_FILE: 'logs/demo.log' })).toEqual([]);
    expect(logOutput({ LOG_LEVEL: 'silent', LOG_FILE: 'logs/demo.log' })).toEqual({ level: 'silent' });
  });
});

describe('logOutput', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'log-output-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends JSON lines from LOG_LEVEL up to LOG_FILE, creating its directory', async () => {
    const file = join(dir, 'logs', 'server.log');
    const output = logOutput({ LOG_LEVEL: 'info', LOG_FILE: file });
    expect(output.level).toBe('info');
    // A transport's stream: ending it waits for its thread to write everything.
    const stream = output.stream as ReturnType<typeof pino.transport>;
    const logger = pino({ level: output.level }, stream);
    logger.debug('left out');
    logger.info({ incident: 7 }, 'reported');
    stream.end();
    await once(stream, 'close');

    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as object);
    expect(lines).toEqual([expect.objectContaining({ level: 30, incident: 7, msg: 'reported' })]);
  });
});
