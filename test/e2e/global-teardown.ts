import { dropDatabase, stopServer } from './support/stack';

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.E2E_SERVER_PID ?? 0);
  if (pid > 0) await stopServer(pid);
  if (process.env.E2E_DATABASE) await dropDatabase(process.env.E2E_DATABASE);
}
