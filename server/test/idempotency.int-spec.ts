import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  type IssuedOpen311ApiKey,
  type ReportedIncidentView,
  type WhistleView,
} from '@whistle/shared';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request, { type Response } from 'supertest';
import { ChangeRecorder } from '../src/events/change-recorder.service';
import { runWithClaim } from '../src/idempotency/idempotency-context';
import { IdempotencyService } from '../src/idempotency/idempotency.service';
import { must } from './support/api-driver';
import { login, type Api } from './support/clients';
import { registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

const KEY = IDEMPOTENCY_KEY_HEADER;
const replayed = (res: Response) => res.headers[IDEMPOTENT_REPLAYED_HEADER.toLowerCase()];

/** Idempotency-Key on creating routes: a repeat gets the first answer and creates nothing more. */
describe('Idempotency-Key', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let photoDir: string;
  let operatorA: Api;
  let districtOperator: Api;
  let admin: Api;
  let gridWorker: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    photoDir = await mkdtemp(join(tmpdir(), 'whistle-idempotency-photos-'));
    app = await env.start('both', { PHOTO_DIR: photoDir });
    [operatorA, districtOperator, admin, gridWorker] = await Promise.all(
      (['operatorA', 'districtOperator', 'admin', 'gridWorkerA'] as const).map((u) =>
        login(app.url, world.users[u]),
      ),
    );
  });

  afterAll(async () => {
    await env.destroy();
    await rm(photoDir, { recursive: true, force: true });
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [row] = await env.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM (${sql}) AS q`, params);
    return row.n;
  };
  const whistlesOn = (incidentId: string) =>
    count(`SELECT 1 FROM whistles WHERE incident_id = $1`, [incidentId]);
  const dispatchesOn = (incidentId: string) =>
    count(`SELECT 1 FROM dispatches WHERE incident_id = $1`, [incidentId]);

  const whistleBody = () => ({
    type: 'enforcement',
    departmentIds: [world.deptX.id, world.deptY.id],
    note: '请到场处置',
  });
  const blow = (api: Api, incidentId: string, key: string | undefined, body: object = whistleBody()) => {
    const req = api.post(`/api/incidents/${incidentId}/whistles`, body);
    return key === undefined ? req : req.set(KEY, key);
  };

  describe('a double-submitted whistle', () => {
    it('with one key: one whistle, one set of dispatches, the same answer twice', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      const key = randomUUID();
      const first = await must(blow(operatorA, incident.id, key), 201, 'first submit');
      const second = await must(blow(operatorA, incident.id, key), 201, 'second submit');

      expect(second.body).toEqual(first.body);
      expect(second.text).toBe(first.text);
      expect(replayed(first)).toBeUndefined();
      expect(replayed(second)).toBe('true');
      expect(await whistlesOn(incident.id)).toBe(1);
      expect(await dispatchesOn(incident.id)).toBe(2);
    });

    it('without a key it is blown twice, as before', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      await must(blow(operatorA, incident.id, undefined), 201, 'first');
      await must(blow(operatorA, incident.id, undefined), 201, 'second');
      expect(await whistlesOn(incident.id)).toBe(2);
      expect(await dispatchesOn(incident.id)).toBe(4);
    });

    it('sent twice at once: one is carried out, the other is replayed or told to retry (409)', async () => {
      for (let round = 0; round < 5; round++) {
        const incident = await registeredIncident(operatorA, world.streetA);
        const key = randomUUID();
        const answers = await Promise.all([
          blow(operatorA, incident.id, key),
          blow(operatorA, incident.id, key),
        ]);
        const created = answers.filter((r) => r.status === 201);
        const busy = answers.filter((r) => r.status === 409);
        expect(created.length + busy.length).toBe(2);
        expect(created.length).toBeGreaterThanOrEqual(1);
        if (created.length === 2) expect(created[1].body).toEqual(created[0].body);
        for (const res of busy) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
          expect(res.body).toMatchObject({ fields: { [KEY]: [expect.stringMatching(/in flight/)] } });
        }
        expect(await whistlesOn(incident.id)).toBe(1);
        expect(await dispatchesOn(incident.id)).toBe(2);
        // Once the first has finished, a retry of the refused one gets its answer.
        const retry = await must(blow(operatorA, incident.id, key), 201, 'retry');
        expect((retry.body as WhistleView).id).toBe((created[0].body as WhistleView).id);
      }
    });
  });

  it('the same key with a different body is a 422 naming the header, and creates nothing', async () => {
    const incident = await registeredIncident(operatorA, world.streetA);
    const key = randomUUID();
    await must(blow(operatorA, incident.id, key), 201, 'first');
    const other = await must(
      blow(operatorA, incident.id, key, { ...whistleBody(), departmentIds: [world.deptX.id] }),
      422,
      'different body',
    );
    expect(other.body).toMatchObject({
      message: expect.stringMatching(/different request body/),
      fields: { [KEY]: [expect.any(String)] },
    });
    expect(await whistlesOn(incident.id)).toBe(1);
  });

  it('the same body with its keys in another order is the same request', async () => {
    const incident = await registeredIncident(operatorA, world.streetA);
    const key = randomUUID();
    await must(blow(operatorA, incident.id, key), 201, 'first');
    const { type, departmentIds, note } = whistleBody();
    const reordered = await must(
      blow(operatorA, incident.id, key, { note, departmentIds, type }),
      201,
      'again',
    );
    expect(replayed(reordered)).toBe('true');
    expect(await whistlesOn(incident.id)).toBe(1);
  });

  it('a key belongs to its user: another user with the same key and body creates its own', async () => {
    const key = randomUUID();
    const body = {
      title: '同键不同人',
      category: 'street_vending',
      priority: 'normal',
      location: world.streetA.points[1],
      source: 'operator',
    };
    const before = await count(`SELECT 1 FROM incidents WHERE title = '同键不同人'`);
    const mine = await must(districtOperator.post('/api/incidents', body).set(KEY, key), 201, 'district');
    const theirs = await must(admin.post('/api/incidents', body).set(KEY, key), 201, 'admin');
    expect(replayed(theirs)).toBeUndefined();
    expect((theirs.body as { id: string }).id).not.toBe((mine.body as { id: string }).id);
    expect(await count(`SELECT 1 FROM incidents WHERE title = '同键不同人'`)).toBe(before + 2);
  });

  it('one key on two incidents is two requests (the path is part of what it names)', async () => {
    const [a, b] = [
      await registeredIncident(operatorA, world.streetA),
      await registeredIncident(operatorA, world.streetA),
    ];
    const key = randomUUID();
    await must(blow(operatorA, a.id, key), 201, 'on a');
    await must(blow(operatorA, b.id, key), 201, 'on b');
    expect([await whistlesOn(a.id), await whistlesOn(b.id)]).toEqual([1, 1]);
  });

  it.each([
    ['empty', '', /must not be empty/],
    ['too long', 'k'.repeat(256), /at most 255/],
    ['with a space', 'two words', /may hold only/],
    ['with a quote', 'key"1', /may hold only/],
  ])('a key %s is a 400 with a field message, and nothing is created', async (_case, value, message) => {
    const incident = await registeredIncident(operatorA, world.streetA);
    const res = await must(blow(operatorA, incident.id, value), 400, 'bad key');
    expect(res.body).toMatchObject({ fields: { [KEY]: [expect.stringMatching(message)] } });
    expect(await whistlesOn(incident.id)).toBe(0);
  });

  it('a key of 255 characters is fine', async () => {
    const incident = await registeredIncident(operatorA, world.streetA);
    await must(blow(operatorA, incident.id, `${randomUUID()}-`.padEnd(255, 'x')), 201, 'long key');
  });

  describe('first answers that are errors', () => {
    it('a 422 is kept: the repeat is told the same, marked replayed', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      const key = randomUUID();
      const body = { ...whistleBody(), departmentIds: [randomUUID()] };
      const first = await must(blow(operatorA, incident.id, key, body), 422, 'unknown department');
      const again = await must(blow(operatorA, incident.id, key, body), 422, 'again');
      expect(again.body).toEqual(first.body);
      expect(replayed(again)).toBe('true');
    });

    it('a 409 is not kept: once the incident can take a whistle, the retry with the key is carried out', async () => {
      const created = await must(
        operatorA.post('/api/incidents', {
          title: '未立案',
          category: 'street_vending',
          priority: 'normal',
          location: world.streetA.points[0],
          source: 'operator',
        }),
        201,
        'create',
      );
      const id = (created.body as { id: string }).id;
      const key = randomUUID();
      await must(blow(operatorA, id, key), 409, 'not registered yet');
      await must(operatorA.post(`/api/incidents/${id}/register`), 200, 'register');
      const retry = await must(blow(operatorA, id, key), 201, 'retry');
      expect(replayed(retry)).toBeUndefined();
      expect(await whistlesOn(id)).toBe(1);
    });

    it('a 400 (invalid body) is not kept: the corrected request with the same key runs', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      const key = randomUUID();
      await must(blow(operatorA, incident.id, key, { ...whistleBody(), type: 'loud' }), 400, 'bad type');
      await must(blow(operatorA, incident.id, key), 201, 'corrected');
      expect(await whistlesOn(incident.id)).toBe(1);
    });
  });

  describe('photo reports (multipart)', () => {
    const jpeg = (shade: number): Promise<Buffer> =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 80, b: 40 } } })
        .jpeg()
        .toBuffer();
    const report = (key: string, photo: Buffer, description = '人行道上有流动摊贩占道经营') =>
      request(app.url)
        .post('/api/incidents/report')
        .set('Authorization', `Bearer ${gridWorker.token}`)
        .set(KEY, key)
        .field('lng', String(world.streetA.points[0].lng))
        .field('lat', String(world.streetA.points[0].lat))
        .field('category', 'street_vending')
        .field('description', description)
        .attach('photos', photo, { filename: 'a.jpg', contentType: 'image/jpeg' });

    it('the same report twice is one incident with one photo; another photo under the key is a 422', async () => {
      const key = randomUUID();
      const photo = await jpeg(200);
      const incidentsBefore = await count(`SELECT 1 FROM incidents`);
      const first = await must(report(key, photo), 201, 'report');
      const second = await must(report(key, photo), 201, 'again');
      expect(second.body).toEqual(first.body);
      expect(replayed(second)).toBe('true');
      expect(await count(`SELECT 1 FROM incidents`)).toBe(incidentsBefore + 1);
      const incidentId = (first.body as ReportedIncidentView).id;
      expect(await count(`SELECT 1 FROM photos WHERE incident_id = $1`, [incidentId])).toBe(1);

      // Same field values, same file name and type: only the bytes differ.
      await must(report(key, await jpeg(10)), 422, 'other photo');
      expect(await count(`SELECT 1 FROM incidents`)).toBe(incidentsBefore + 1);
    });
  });

  it('a 12345 order sent twice with one key: the repeat gets the first 201 (created), not 200 (already in)', async () => {
    const key = randomUUID();
    const order = {
      orderNo: `IDEM-${Date.now()}`,
      receivedAt: '2026-11-21 08:00:00',
      category: '违章停车',
      description: '小区门口车辆乱停放，堵塞消防通道',
      lng: world.streetA.points[0].lng,
      lat: world.streetA.points[0].lat,
    };
    const first = await must(districtOperator.post('/api/hotline/orders', order).set(KEY, key), 201, 'order');
    const again = await must(districtOperator.post('/api/hotline/orders', order).set(KEY, key), 201, 'again');
    expect(again.body).toEqual(first.body);
    expect(replayed(again)).toBe('true');
    // Without the key the hotline's own rule answers: the order is already in.
    await must(districtOperator.post('/api/hotline/orders', order), 200, 'no key');
  });

  describe('answers holding a one-time secret', () => {
    it('a repeated account creation creates one account and does not show the password again', async () => {
      const key = randomUUID();
      const body = {
        username: `idem.${Date.now()}`,
        displayName: '幂等测试',
        role: 'street_operator',
        streetId: world.streetA.street.id,
      };
      const first = await must(admin.post('/api/users', body).set(KEY, key), 201, 'create');
      expect(first.body).toHaveProperty('temporaryPassword');
      const again = await must(admin.post('/api/users', body).set(KEY, key), 409, 'again');
      expect(again.text).not.toContain((first.body as { temporaryPassword: string }).temporaryPassword);
      expect(again.body).toMatchObject({ message: expect.stringMatching(/already succeeded \(201\)/) });
      expect(await count(`SELECT 1 FROM users WHERE username = $1`, [body.username])).toBe(1);
      const [row] = await env.db.query<{ response_body: unknown; answer_withheld: boolean }[]>(
        `SELECT response_body, answer_withheld FROM idempotency_keys WHERE key = $1`,
        [key],
      );
      expect(row).toEqual({ response_body: null, answer_withheld: true });
    });
  });

  describe('Open311 (the key belongs to the api_key client)', () => {
    let issued: IssuedOpen311ApiKey;
    let other: IssuedOpen311ApiKey;
    beforeAll(async () => {
      issued = (await must(admin.post('/api/open311-keys', { name: 'idempotency one' }), 201, 'key')).body;
      other = (await must(admin.post('/api/open311-keys', { name: 'idempotency two' }), 201, 'key')).body;
    });
    const submit = (apiKey: string, key: string, description = '路边摊占道') =>
      request(app.url)
        .post('/open311/v2/requests.json')
        .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8')
        .set(KEY, key)
        .send(
          new URLSearchParams({
            api_key: apiKey,
            service_code: 'street_vending',
            lat: String(world.streetA.points[0].lat),
            long: String(world.streetA.points[0].lng),
            description,
          }).toString(),
        );
    const requestsOf = (apiKeyId: string) =>
      count(`SELECT 1 FROM open311_requests WHERE api_key_id = $1`, [apiKeyId]);

    it('a repeat is replayed; another client with the same key creates its own; another body is a 422', async () => {
      const key = randomUUID();
      const first = await must(submit(issued.key, key), 201, 'first');
      const again = await must(submit(issued.key, key), 201, 'again');
      expect(again.text).toBe(first.text);
      expect(replayed(again)).toBe('true');
      expect(await requestsOf(issued.id)).toBe(1);

      await must(submit(other.key, key), 201, 'other client');
      expect(await requestsOf(other.id)).toBe(1);

      const changed = await must(submit(issued.key, key, '另一件事'), 422, 'other body');
      expect(changed.text).toMatch(/different request body/);
      expect(await requestsOf(issued.id)).toBe(1);
    });

    it('a bad key is a 400 in the Open311 error format', async () => {
      const res = await must(submit(issued.key, 'no spaces please'), 400, 'bad key');
      expect(res.body).toEqual([{ code: 400, description: expect.stringContaining(KEY) }]);
    });
  });

  describe('after a crash, and past the retention', () => {
    const route = (incidentId: string) => `/api/incidents/${incidentId}/whistles`;
    const scope = () => `user:${world.users.operatorA.id}`;
    const fingerprintOfWhistle = async (incidentId: string, key: string): Promise<string> => {
      // The fingerprint of this exact body, as the server computed it for another key.
      await must(blow(operatorA, incidentId, key), 201, 'probe');
      const [row] = await env.db.query<{ fingerprint: string }[]>(
        `SELECT fingerprint FROM idempotency_keys WHERE key = $1`,
        [key],
      );
      return row.fingerprint;
    };
    /**
     * The key of a claim a first request left on this incident's whistle: its lease running out
     * `leaseSeconds` from now (negative: over), committed or not. Answers the claimed key.
     */
    const claimLeftBehind = async (
      incidentId: string,
      { leaseSeconds, committed }: { leaseSeconds: number; committed: boolean },
    ): Promise<string> => {
      const fingerprint = await fingerprintOfWhistle(incidentId, randomUUID());
      const key = randomUUID();
      await env.db.query(
        `INSERT INTO idempotency_keys (scope, key, method, route, fingerprint, lease_until, committed)
         VALUES ($1, $2, 'POST', $3, $4, now() + make_interval(secs => $5), $6)`,
        [scope(), key, route(incidentId), fingerprint, leaseSeconds, committed],
      );
      return key;
    };

    it('a claim whose process died before committing is taken over once its lease is over', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      const key = await claimLeftBehind(incident.id, { leaseSeconds: -1, committed: false });
      await must(blow(operatorA, incident.id, key), 201, 'taken over');
      expect(await whistlesOn(incident.id)).toBe(2); // the probe's and this one
    });

    it('a request that committed but lost its answer is not carried out again', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      const key = await claimLeftBehind(incident.id, { leaseSeconds: -1, committed: true });
      const res = await must(blow(operatorA, incident.id, key), 409, 'answer lost');
      expect(res.body).toMatchObject({ message: expect.stringMatching(/answer was lost/) });
      expect(await whistlesOn(incident.id)).toBe(1); // the probe's only
    });

    it('a request that committed and is storing its answer is in flight, not lost', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      // Between the first request's commit and its stored answer, its lease still runs.
      const key = await claimLeftBehind(incident.id, { leaseSeconds: 30, committed: true });
      const res = await must(blow(operatorA, incident.id, key), 409, 'still storing its answer');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(res.body).toMatchObject({ fields: { [KEY]: [expect.stringMatching(/in flight/)] } });
      expect(await whistlesOn(incident.id)).toBe(1); // the probe's only
    });

    it('the record commits with the created rows, and not when they roll back', async () => {
      const idempotency = app.get(IdempotencyService);
      const recorder = app.get(ChangeRecorder);
      const claimOf = (key: string) => ({ scope: 'user:test', key, method: 'POST', route: '/test' });
      const committed = async (key: string) =>
        (
          await env.db.query<{ committed: boolean }[]>(
            `SELECT committed FROM idempotency_keys WHERE key = $1`,
            [key],
          )
        )[0]?.committed;

      const kept = claimOf(randomUUID());
      expect((await idempotency.claim(kept, 'f'.repeat(64))).kind).toBe('run');
      await runWithClaim(kept, () => recorder.run(() => Promise.resolve(1)));
      expect(await committed(kept.key)).toBe(true);

      const rolledBack = claimOf(randomUUID());
      expect((await idempotency.claim(rolledBack, 'f'.repeat(64))).kind).toBe('run');
      await expect(
        runWithClaim(rolledBack, () => recorder.run(() => Promise.reject(new Error('fails')))),
      ).rejects.toThrow('fails');
      expect(await committed(rolledBack.key)).toBe(false);
    });

    it('a key older than the retention runs anew, and the sweep deletes it', async () => {
      const incident = await registeredIncident(operatorA, world.streetA);
      const key = randomUUID();
      await must(blow(operatorA, incident.id, key), 201, 'first');
      await env.db.query(
        `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`,
        [key],
      );
      const later = await must(blow(operatorA, incident.id, key), 201, 'a day later');
      expect(replayed(later)).toBeUndefined();
      expect(await whistlesOn(incident.id)).toBe(2);

      await env.db.query(
        `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`,
        [key],
      );
      expect(await app.get(IdempotencyService).sweep()).toBeGreaterThanOrEqual(1);
      expect(await count(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toBe(0);
    });

    it('the sweep goes through a backlog batch by batch and keeps the keys still remembered', async () => {
      // 2,500: three batches of the sweep's 1,000.
      const insertKeys = (prefix: string, n: number, age: string) =>
        env.db.query(
          `INSERT INTO idempotency_keys (scope, key, method, route, fingerprint, lease_until, created_at)
           SELECT 'user:sweep', $1 || i, 'POST', '/sweep', repeat('f', 64), now(), now() - $3::interval
             FROM generate_series(1, $2) AS i`,
          [prefix, n, age],
        );
      await insertKeys('old-', 2500, '25 hours');
      await insertKeys('recent-', 3, '23 hours');
      const left = (prefix: string) =>
        count(`SELECT 1 FROM idempotency_keys WHERE scope = 'user:sweep' AND key LIKE $1 || '%'`, [prefix]);

      expect(await app.get(IdempotencyService).sweep()).toBeGreaterThanOrEqual(2500);
      expect(await left('old-')).toBe(0);
      expect(await left('recent-')).toBe(3);
    });
  });
});
