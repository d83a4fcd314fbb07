/**
 * `npm run simulate`: plays a district day against a running Whistle server through its public
 * API and sockets. See README.md ("Simulator") and `--help`.
 */
import { OptionsError, parseOptions, USAGE } from './options';
import { startSimulation, type Running } from './simulation';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const opts = parseOptions(argv, process.env);
  let running: Running | null = null;
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nstopping (${why})`);
    if (running) console.log(running.stop());
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  running = await startSimulation(opts);
  if (opts.durationSeconds !== null) setTimeout(() => stop('duration reached'), opts.durationSeconds * 1000);
}

main().catch((err: unknown) => {
  if (err instanceof OptionsError) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`simulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
