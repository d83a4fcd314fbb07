import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES } from '../src/queues/queue-names';
import { connect, login } from './support/clients';
import { TestEnv } from './support/test-app';
import { createWorld, type World } from './support/world';
import { waitUntil } from './support/wait';

/** Process roles, API docs and shutdown, as an operator deploying Whistle relies on them. */
describe('operations', () => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
  });

  afterAll(() => env.destroy());

  it('runs queue workers only in the worker role', async () => {
    const api = await env.start('api');
    const queue = api.get<Queue>(getQueueToken(QUEUES.live.name) as never);
    expect(await queue.getWorkers()).toHaveLength(0);
    const worker = await env.start('worker');
    await waitUntil(async () => (await queue.getWorkers()).length > 0);
    expect(() => (worker.app.getHttpServer() as unknown as { address(): unknown }).address()).toThrow();
    await worker.close();
    await api.close();
  });

  it('serves OpenAPI docs for the whole contract', async () => {
    const app = await env.start();
    expect((await request(app.url).get('/api/docs')).status).toBe(200);
    const spec = (await request(app.url).get('/api/docs-json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/auth/login',
      '/api/incidents',
      '/api/incidents/{id}/register',
      '/api/incidents/{incidentId}/whistles',
      '/api/dispatches/{id}/verify',
      '/api/metrics/summary',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    await app.close();
  });

  it('disconnects its sockets when it shuts down', async () => {
    const app = await env.start();
    const officer = await login(app.url, world.users.officerX);
    const socket = await connect(app.url, officer.token);
    const reason = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
    await app.close();
    expect(await reason).toMatch(/server disconnect|transport close/);
    socket.close();
  });
});
