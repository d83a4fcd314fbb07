import type { ReportedIncidentView } from '@whistle/shared';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request, { type Response } from 'supertest';
import { login, type Api } from './support/clients';
import { PrivateRedis } from './support/private-redis';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * Per-user limits on photo uploads and on imports (12345 batch files, boundary imports and dry
 * runs), counted in Redis; and the answer when Redis is down.
 */
describe('upload and import rate limits', () => {
  let env: TestEnv;
  let world: World;
  let photoDir: string;
  let photo: Buffer;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    photoDir = await mkdtemp(join(tmpdir(), 'whistle-limits-'));
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c05030' } })
      .jpeg()
      .toBuffer();
  });

  afterAll(async () => {
    await env.destroy();
    await rm(photoDir, { recursive: true, force: true });
  });

  const report = (api: Api, point = world.streetA.points[0]) =>
    request(api.baseUrl)
      .post('/api/incidents/report')
      .set('Authorization', `Bearer ${api.token}`)
      .field('lng', String(point.lng))
      .field('lat', String(point.lat))
      .field('category', 'street_vending')
      .field('description', '人行道上有流动摊贩占道经营')
      .attach('photos', photo, { filename: 'a.jpg', contentType: 'image/jpeg' });
  const attach = (api: Api, incidentId: string) =>
    request(api.baseUrl)
      .post(`/api/incidents/${incidentId}/photos`)
      .set('Authorization', `Bearer ${api.token}`)
      .attach('photos', photo, { filename: 'b.jpg', contentType: 'image/jpeg' });
  const hotlineImport = (api: Api) =>
    request(api.baseUrl)
      .post('/api/hotline/imports')
      .set('Authorization', `Bearer ${api.token}`)
      .attach('file', Buffer.from('[]'), { filename: 'none.json', contentType: 'application/json' });

  const incoming = () => readdir(join(photoDir, '.incoming')).catch(() => []);
  const retryAfter = (res: Response) => Number(res.headers['retry-after']);

  describe('past a limit', () => {
    let app: RunningTestApp;

    beforeAll(async () => {
      app = await env.start('both', {
        PHOTO_DIR: photoDir,
        UPLOAD_LIMIT_PER_MINUTE: '2',
        IMPORT_LIMIT_PER_HOUR: '2',
      });
    });

    afterAll(() => app.close());

    it('refuses a user’s third photo upload in a minute with 429 and Retry-After, on both photo routes', async () => {
      const worker = await login(app.url, world.users.gridWorkerA);
      const first = await report(worker);
      expect(first.status).toBe(201);
      const incidentId = (first.body as ReportedIncidentView).id;
      expect((await attach(worker, incidentId)).status).toBe(201);

      for (const refused of [await report(worker), await attach(worker, incidentId)]) {
        expect(refused.status).toBe(429);
        expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
        expect(retryAfter(refused)).toBeLessThanOrEqual(60);
      }
      // Refused before the body is read: nothing was spooled.
      expect(await incoming()).toEqual([]);
      // The limit is the user's own: another reporter is not held back.
      const operator = await login(app.url, world.users.operatorA);
      expect((await report(operator)).status).toBe(201);
    });

    it('refuses a user’s third import in an hour, 12345 and boundary files alike, with 429 and Retry-After', async () => {
      const district = await login(app.url, world.users.districtOperator);
      expect((await hotlineImport(district)).status).toBe(200);
      expect((await hotlineImport(district)).status).toBe(200);
      const refused = await hotlineImport(district);
      expect(refused.status).toBe(429);
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
      expect(retryAfter(refused)).toBeLessThanOrEqual(600);

      // Boundary dry runs and imports count in the same budget, per user.
      const admin = await login(app.url, world.users.admin);
      const grids = (await admin.get('/api/boundaries/grids')).body as object;
      expect((await admin.post('/api/boundaries/validate', { grids })).status).toBe(200);
      expect((await admin.post('/api/boundaries/validate', { grids })).status).toBe(200);
      const refusedImport = await admin.post('/api/boundaries/import', { grids });
      expect(refusedImport.status).toBe(429);
      expect(retryAfter(refusedImport)).toBeGreaterThanOrEqual(1);
      expect((await admin.post('/api/boundaries/validate', { grids })).status).toBe(429);
      expect((await hotlineImport(admin)).status).toBe(429);
    });
  });

  describe('with Redis down', () => {
    let redis: PrivateRedis;
    let app: RunningTestApp;

    beforeAll(async () => {
      redis = new PrivateRedis();
      await redis.start();
      // The API role alone: the limits are the API's. A BullMQ worker that lived through the outage
      // may never finish closing (taskforcesh/bullmq#4656), which is the worker's fault story.
      app = await env.start('api', { PHOTO_DIR: photoDir, REDIS_URL: redis.url });
    });

    afterAll(async () => {
      // Back up first, so the app closes its connections cleanly.
      await redis.start();
      await waitUntil(async () => (await request(app.url).get('/health')).status === 200, 30_000);
      await app.close();
      await redis.stop();
    });

    it('answers uploads and imports 503 with Retry-After, never 500, and spools nothing', async () => {
      const worker = await login(app.url, world.users.gridWorkerA);
      const district = await login(app.url, world.users.districtOperator);
      const admin = await login(app.url, world.users.admin);
      const grids = (await admin.get('/api/boundaries/grids')).body as object;
      await redis.stop();

      for (const res of [
        await report(worker),
        await hotlineImport(district),
        await admin.post('/api/boundaries/validate', { grids }),
        await admin.post('/api/boundaries/import', { grids }),
      ]) {
        expect(res.status).toBe(503);
        expect(retryAfter(res)).toBeGreaterThanOrEqual(1);
        expect((res.body as { message: string }).message).toMatch(/rate limits are unavailable/i);
      }
      expect(await incoming()).toEqual([]);
    });
  });
});
