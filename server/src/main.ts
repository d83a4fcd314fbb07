import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { startApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await startApp(config);
}

main().catch((err: unknown) => {
  // A configuration the server refuses (its own, or a backing service's) is one line, not a stack.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
