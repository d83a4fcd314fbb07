import { XMLParser } from 'fast-xml-parser';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '@whistle/shared';
import { Incident } from '../src/incidents/incident.entity';
import { issueKnownKey } from '../src/open311/known-key';
import { Open311Request } from '../src/open311/open311-request.entity';
import { blowWhistle, driveDispatch, must } from './support/api-driver';
import { login, type Api } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * Open311 GeoReport v2 conformance: every endpoint in JSON and XML, the exact content types, the
 * XML shapes read back with a parser, every filter of GET requests, every error case in the spec's
 * error format, API keys (hashed, revocable, rate-limited) and a request's status following its
 * incident through Whistle until it is closed.
 */
/** A key issued with a secret the test knows, as the demo seed issues its published one. */
const KNOWN_KEY = 'known-open311-test-key';

describe('Open311 GeoReport v2', () => {
  const BASE = '/open311/v2';
  const JSON_TYPE = 'application/json; charset=utf-8';
  const XML_TYPE = 'text/xml; charset=utf-8';
  const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
  const DEFAULT_LIMIT = 25;
  const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ARRAY_ELEMENTS.includes(name) });
  const ARRAY_ELEMENTS = ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'];

  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let admin: Api;
  let streetA: Api;
  let officerX: Api;
  /** An admin-issued key with a limit high enough for the whole suite. */
  let key: string;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    await issueKnownKey(env.db.manager, {
      name: 'Test client',
      secret: KNOWN_KEY,
      createdById: world.users.admin.id,
    });
    app = await env.start('both', { OPEN311_RATE_LIMIT_PER_MINUTE: String(DEFAULT_LIMIT) });
    admin = await login(app.url, world.users.admin);
    streetA = await login(app.url, world.users.operatorA);
    officerX = await login(app.url, world.users.officerX);
    key = (await issueKey('conformance suite', 1000)).key;
  });

  afterAll(() => env.destroy());

  async function issueKey(name: string, rateLimitPerMinute?: number): Promise<IssuedOpen311ApiKey> {
    const res = await must(admin.post('/api/open311-keys', { name, rateLimitPerMinute }), 201, 'issue key');
    return res.body as IssuedOpen311ApiKey;
  }

  const get = (path: string) => request(app.url).get(`${BASE}/${path}`);

  function post(format: 'json' | 'xml', fields: Record<string, string>): Promise<Response> {
    return request(app.url)
      .post(`${BASE}/requests.${format}`)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8')
      .send(new URLSearchParams(fields).toString())
      .then((res) => res);
  }

  const pointA = (i = 0) => world.streetA.points[i] ?? { lng: 0, lat: 0 };
  const at = (i = 0) => ({ lat: String(pointA(i).lat), long: String(pointA(i).lng) });

  async function createRequest(fields: Record<string, string> = {}): Promise<string> {
    const res = await post('json', { api_key: key, service_code: 'street_vending', ...at(), ...fields });
    if (res.status !== 201) throw new Error(`POST requests: ${res.status} ${res.text}`);
    return (res.body as { service_request_id: string }[])[0]?.service_request_id ?? '';
  }

  /** The error list of an answer in either format, after checking its type and status. */
  function errorsOf(res: Response, status: number): { code: number; description: string }[] {
    expect(res.status).toBe(status);
    if (res.headers['content-type'] === XML_TYPE) {
      const doc = xml.parse(res.text) as { errors: { error: { code: string; description: string }[] } };
      return doc.errors.error.map((e) => ({ code: Number(e.code), description: e.description }));
    }
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    return res.body as { code: number; description: string }[];
  }

  function expectError(res: Response, status: number, pattern: RegExp): void {
    const errors = errorsOf(res, status);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === status)).toBe(true);
    expect(errors.map((e) => e.description).join(' | ')).toMatch(pattern);
  }

  describe('routing', () => {
    it('serves under /open311/v2, outside the /api prefix and without a bearer token', async () => {
      expect((await get('services.json')).status).toBe(200);
      expect((await request(app.url).get(`/api${BASE}/services.json`)).status).toBe(404);
    });

    it('is not taken for a dashboard page when the server also serves the dashboard', async () => {
      const dist = mkdtempSync(join(tmpdir(), 'dashboard-'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dashboard</title>');
      const withDashboard = await env.start('api', { DASHBOARD_DIST: dist });
      try {
        const page = await request(withDashboard.url).get('/wall').set('Accept', 'text/html');
        expect(page.text).toContain('<title>dashboard</title>');
        const res = await request(withDashboard.url)
          .get(`${BASE}/discovery.xml`)
          .set('Accept', 'text/html,*/*');
        expect(res.headers['content-type']).toBe(XML_TYPE);
        expect(res.text).toContain('<discovery>');
      } finally {
        await withDashboard.close();
        rmSync(dist, { recursive: true, force: true });
      }
    });

    it('answers an unknown format with a 400 in the spec error format', async () => {
      expectError(await get('services.html'), 400, /format html is not supported/);
    });
  });

  describe('discovery', () => {
    it('is served as JSON with the spec fields', async () => {
      const res = await get('discovery.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      const doc = res.body as {
        changeset: string;
        contact: string;
        key_service: string;
        endpoints: {
          specification: string;
          url: string;
          changeset: string;
          type: string;
          formats: string[];
        }[];
      };
      expect(doc.contact).toBeTruthy();
      expect(doc.key_service).toBeTruthy();
      expect(doc.changeset).toMatch(W3C);
      expect(doc.endpoints).toHaveLength(1);
      expect(doc.endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${app.url}/open311/v2`,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      });
    });

    it('is served as XML with <discovery><endpoints><endpoint><formats><format>', async () => {
      const res = await get('discovery.xml');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XML_TYPE);
      expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const doc = xml.parse(res.text) as {
        discovery: {
          key_service: string;
          endpoints: { endpoint: { url: string; formats: { format: string[] } }[] };
        };
      };
      expect(doc.discovery.key_service).toBeTruthy();
      expect(doc.discovery.endpoints.endpoint[0]?.url).toBe(`${app.url}/open311/v2`);
      expect(doc.discovery.endpoints.endpoint[0]?.formats.format).toEqual(['text/xml', 'application/json']);
    });
  });

  describe('GET services', () => {
    it('lists every Whistle category as a realtime service (JSON)', async () => {
      const res = await get('services.json?jurisdiction_id=ignored.example');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      const services = res.body as Record<string, unknown>[];
      expect(services).toHaveLength(20);
      expect(services.find((s) => s.service_code === 'gas_leak')).toEqual({
        service_code: 'gas_leak',
        service_name: '燃气泄漏',
        description: expect.any(String) as string,
        metadata: true,
        type: 'realtime',
        keywords: '燃气泄漏, Gas leak, 公共安全',
        group: '公共安全',
      });
    });

    it('lists them as <services><service> (XML)', async () => {
      const res = await get('services.xml');
      expect(res.headers['content-type']).toBe(XML_TYPE);
      const doc = xml.parse(res.text) as { services: { service: Record<string, string>[] } };
      expect(doc.services.service).toHaveLength(20);
      const noise = doc.services.service.find((s) => s.service_code === 'noise');
      expect(noise).toMatchObject({
        service_name: '噪声扰民',
        metadata: 'true',
        type: 'realtime',
        group: '生态环境',
      });
    });
  });

  describe('GET service definition', () => {
    it('gives the attributes with the spec fields (JSON)', async () => {
      const res = await get('services/gas_leak.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      const def = res.body as { service_code: string; attributes: Record<string, unknown>[] };
      expect(def.service_code).toBe('gas_leak');
      expect(def.attributes.map((a) => a.code)).toEqual(['priority', 'floor', 'odor_level']);
      expect(def.attributes.map((a) => a.order)).toEqual([1, 2, 3]);
      expect(Object.keys(def.attributes[0] ?? {})).toEqual([
        'variable',
        'code',
        'datatype',
        'required',
        'datatype_description',
        'order',
        'description',
        'values',
      ]);
      expect(def.attributes[2]).toMatchObject({
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        description: '异味程度',
        values: [
          { key: 'slight', name: '轻微异味' },
          { key: 'strong', name: '浓烈异味' },
          { key: 'hissing', name: '有明显漏气声' },
        ],
      });
      expect(def.attributes[1]).toMatchObject({ datatype: 'string', required: false, values: [] });
    });

    it('gives <service_definition><attributes><attribute><values><value> (XML)', async () => {
      const res = await get('services/noise.xml');
      expect(res.headers['content-type']).toBe(XML_TYPE);
      const doc = xml.parse(res.text) as {
        service_definition: {
          service_code: string;
          attributes: {
            attribute: { code: string; datatype: string; values: { value: { key: string }[] } | '' }[];
          };
        };
      };
      expect(doc.service_definition.service_code).toBe('noise');
      const source = doc.service_definition.attributes.attribute.find((a) => a.code === 'noise_source');
      expect(source?.datatype).toBe('multivaluelist');
      expect(source?.values === '' ? [] : source?.values.value.map((v) => v.key)).toEqual([
        'construction',
        'commercial',
        'entertainment',
        'residential',
      ]);
    });

    it('answers 404 for an unknown service_code, in both formats', async () => {
      expectError(await get('services/potholes.json'), 404, /service_code potholes was not found/);
      expectError(await get('services/potholes.xml'), 404, /service_code potholes was not found/);
    });
  });

  describe('POST requests', () => {
    it('raises an open311 incident in the grid holding lat/long and keeps the Open311 extras (JSON)', async () => {
      const res = await post('json', {
        api_key: key,
        jurisdiction_id: 'whistle.example',
        service_code: 'gas_leak',
        ...at(1),
        description: '楼道里有很浓的燃气味\n已通知邻居开窗',
        media_url: 'https://example.com/photos/1.jpg',
        email: 'citizen@example.com',
        device_id: 'device-1',
        account_id: 'acct-42',
        first_name: '小明',
        last_name: '王',
        phone: '13800000000',
        'attribute[priority]': 'urgent',
        'attribute[odor_level]': 'strong',
        'attribute[floor]': '3楼',
      });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      const [answer] = res.body as {
        service_request_id: string;
        service_notice: string;
        account_id: string;
      }[];
      expect(answer?.account_id).toBe('acct-42');
      expect(answer?.service_notice).toContain(world.streetA.street.nameZh);
      const incident = await env.db
        .getRepository(Incident)
        .findOneByOrFail({ id: answer?.service_request_id });
      expect(incident).toMatchObject({
        source: 'open311',
        category: 'gas_leak',
        priority: 'urgent',
        status: 'reported',
        gridId: world.streetA.grids[1]?.id,
        streetId: world.streetA.street.id,
        reportedById: null,
        description: '楼道里有很浓的燃气味\n已通知邻居开窗',
      });
      expect(incident.title).toBe('燃气泄漏：楼道里有很浓的燃气味');
      const extras = await env.db.getRepository(Open311Request).findOneByOrFail({ incidentId: incident.id });
      expect(extras).toMatchObject({
        email: 'citizen@example.com',
        deviceId: 'device-1',
        accountId: 'acct-42',
        firstName: '小明',
        lastName: '王',
        phone: '13800000000',
        mediaUrl: 'https://example.com/photos/1.jpg',
        attributes: { priority: 'urgent', odor_level: 'strong', floor: '3楼' },
      });
      const keys = (await must(admin.get('/api/open311-keys'), 200, 'list keys')).body as Open311ApiKeyView[];
      expect(keys.find((k) => k.id === extras.apiKeyId)?.name).toBe('conformance suite');
    });

    it('answers <service_requests><request> (XML) and takes multivaluelist answers as attribute[code][]', async () => {
      const res = await request(app.url)
        .post(`${BASE}/requests.xml`)
        .type('form')
        .send(
          `api_key=${key}&service_code=noise&lat=${pointA().lat}&long=${pointA().lng}` +
            '&attribute[noise_source][]=construction&attribute[noise_source][]=commercial',
        );
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toBe(XML_TYPE);
      const doc = xml.parse(res.text) as {
        service_requests: {
          request: { service_request_id: string; service_notice: string; account_id: string }[];
        };
      };
      const id = doc.service_requests.request[0]?.service_request_id ?? '';
      expect(doc.service_requests.request[0]?.account_id).toBe('');
      const extras = await env.db.getRepository(Open311Request).findOneByOrFail({ incidentId: id });
      expect(extras.attributes).toEqual({ noise_source: ['construction', 'commercial'] });
    });

    it('locates a request given only an address_string by the community or street it names', async () => {
      const byCommunity = await createRequest({
        lat: '',
        long: '',
        address_string: '秦淮路 12 号, 测试社区2',
      });
      const byStreet = await createRequest({
        lat: '',
        long: '',
        address_string: `${world.streetA.street.nameEn}, Nanjing`,
      });
      const incidents = env.db.getRepository(Incident);
      expect((await incidents.findOneByOrFail({ id: byCommunity })).streetId).toBe(world.streetB.street.id);
      expect((await incidents.findOneByOrFail({ id: byStreet })).streetId).toBe(world.streetA.street.id);
      const listed = await get(`requests/${byCommunity}.json`);
      expect((listed.body as { address: string }[])[0]?.address).toBe('秦淮路 12 号, 测试社区2');
    });

    it('locates a request given only an address_id, read as a grid code', async () => {
      const grid = world.streetB.grids[3];
      const id = await createRequest({ lat: '', long: '', address_id: grid?.code ?? '' });
      expect((await env.db.getRepository(Incident).findOneByOrFail({ id })).gridId).toBe(grid?.id);
    });

    it('accepts a key issued with a known secret, stored hashed', async () => {
      const res = await post('json', { api_key: KNOWN_KEY, service_code: 'other', ...at() });
      expect(res.status).toBe(201);
      const [row] = await env.db.query<{ key_hash: string; prefix: string }[]>(
        `SELECT key_hash, prefix FROM open311_api_keys WHERE name = 'Test client'`,
      );
      expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(KNOWN_KEY);
    });

    describe('errors', () => {
      const valid = () => ({ api_key: key, service_code: 'street_vending', ...at() });

      it('403 without an api_key, in both formats', async () => {
        const { api_key: _omitted, ...rest } = valid();
        expectError(await post('json', rest), 403, /api_key was not provided/);
        expectError(await post('xml', rest), 403, /api_key was not provided/);
      });

      it('403 for an unknown api_key', async () => {
        expectError(await post('xml', { ...valid(), api_key: 'not-a-key' }), 403, /Invalid api_key/);
      });

      it('403 for a revoked api_key, and the key list never shows a secret', async () => {
        const issued = await issueKey('to be revoked');
        expect(issued.key).toMatch(/^o311_/);
        expect((await post('json', { ...valid(), api_key: issued.key })).status).toBe(201);
        const revoked = (
          await must(
            request(app.url)
              .delete(`/api/open311-keys/${issued.id}`)
              .set('Authorization', `Bearer ${admin.token}`),
            200,
            'revoke',
          )
        ).body as Open311ApiKeyView;
        expect(Date.parse(revoked.revokedAt ?? '')).toBeGreaterThan(0);
        expectError(await post('json', { ...valid(), api_key: issued.key }), 403, /Invalid api_key/);
        const list = await must(admin.get('/api/open311-keys'), 200, 'list keys');
        expect(list.text).not.toContain(issued.key);
        expect(list.text).not.toContain('keyHash');
        expect((list.body as Open311ApiKeyView[]).find((k) => k.id === issued.id)?.prefix).toBe(
          issued.key.slice(0, 9),
        );
      });

      it('only an admin manages keys', async () => {
        expect((await streetA.post('/api/open311-keys', { name: 'x' })).status).toBe(403);
        expect((await streetA.get('/api/open311-keys')).status).toBe(403);
        expect((await request(app.url).get('/api/open311-keys')).status).toBe(401);
        expect((await admin.post('/api/open311-keys', { name: '' })).status).toBe(400);
      });

      it('400 without a service_code, 404 for an unknown one', async () => {
        const { service_code: _omitted, ...rest } = valid();
        expectError(await post('json', rest), 400, /service_code was not provided/);
        expectError(
          await post('xml', { ...valid(), service_code: 'potholes' }),
          404,
          /service_code potholes was not found/,
        );
      });

      it('400 without any location, or with half of lat/long, or a bad one', async () => {
        const { lat: _lat, long: _long, ...rest } = valid();
        expectError(await post('json', rest), 400, /a location is required/);
        expectError(
          await post('json', { ...rest, lat: String(pointA().lat) }),
          400,
          /lat and long must both be sent/,
        );
        expectError(
          await post('json', { ...rest, lat: 'north', long: '200' }),
          400,
          /lat must be a number.*long must be/,
        );
      });

      it('400 for an address_string or address_id the district does not know', async () => {
        const { lat: _lat, long: _long, ...rest } = valid();
        expectError(
          await post('json', { ...rest, address_string: '北京市东城区' }),
          400,
          /names no street or community/,
        );
        expectError(await post('xml', { ...rest, address_id: 'no-such-grid' }), 400, /not a grid code/);
      });

      it('400 for a point outside the district', async () => {
        expectError(
          await post('json', { ...valid(), lat: '32.005', long: '117.5' }),
          400,
          /outside the district/,
        );
      });

      it('400 for attributes that break the service definition, each named', async () => {
        const gas = { ...valid(), service_code: 'gas_leak' };
        expectError(await post('json', gas), 400, /attribute\[odor_level\] is required/);
        expectError(
          await post('json', { ...gas, 'attribute[odor_level]': 'mild' }),
          400,
          /odor_level\] must be one of slight, strong, hissing/,
        );
        const res = await post('xml', {
          ...gas,
          'attribute[odor_level]': 'slight',
          'attribute[colour]': 'blue',
          'attribute[floor]': 'a\nb',
        });
        const errors = errorsOf(res, 400);
        expect(errors.map((e) => e.description)).toEqual([
          'attribute[colour] is not defined for this service',
          'attribute[floor] must not contain line breaks',
        ]);
        const water = { ...valid(), service_code: 'water_supply', 'attribute[households_affected]': 'many' };
        expectError(await post('json', water), 400, /households_affected\] must be a number/);
      });

      it('400 for a bad media_url or email, and nothing is written', async () => {
        const before = await env.db.getRepository(Incident).count();
        expectError(
          await post('json', { ...valid(), media_url: 'javascript:alert(1)', email: 'nobody' }),
          400,
          /media_url.*email/,
        );
        expect(await env.db.getRepository(Incident).count()).toBe(before);
      });
    });
  });

  describe('GET requests', () => {
    let vending: string;
    let noise: string;
    let old: string;

    beforeAll(async () => {
      vending = await createRequest({ description: '人行道上摆摊' });
      noise = await createRequest({ service_code: 'noise', ...at(2) });
      old = await createRequest({ service_code: 'noise' });
      // 100 days ago: outside the default 90-day window.
      await env.db.query(`UPDATE incidents SET created_at = now() - interval '100 days' WHERE id = $1`, [
        old,
      ]);
    });

    const ids = (res: Response) =>
      (res.body as { service_request_id: string }[]).map((r) => r.service_request_id);

    it('lists the last 90 days, newest first, with every spec field (JSON)', async () => {
      const res = await get('requests.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      const list = ids(res);
      expect(list).toContain(vending);
      expect(list).toContain(noise);
      expect(list).not.toContain(old);
      expect(list.indexOf(noise)).toBeLessThan(list.indexOf(vending));
      const item = (res.body as Record<string, unknown>[]).find((r) => r.service_request_id === vending);
      expect(Object.keys(item ?? {})).toEqual([
        'service_request_id',
        'status',
        'status_notes',
        'service_name',
        'service_code',
        'description',
        'agency_responsible',
        'service_notice',
        'requested_datetime',
        'updated_datetime',
        'expected_datetime',
        'address',
        'address_id',
        'zipcode',
        'lat',
        'long',
        'media_url',
      ]);
      expect(item).toMatchObject({
        status: 'open',
        status_notes: '已受理，等待街道立案',
        service_name: '占道经营',
        service_code: 'street_vending',
        description: '人行道上摆摊',
        agency_responsible: null,
        expected_datetime: null,
        address: `网格00, 测试社区1, ${world.streetA.street.nameZh}, 测试区`,
        address_id: world.streetA.grids[0]?.code,
        lat: pointA().lat,
        long: pointA().lng,
      });
      expect(item?.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(item?.updated_datetime).toMatch(W3C);
    });

    it('lists them as <service_requests><request> (XML)', async () => {
      const res = await get(`requests.xml?service_request_id=${vending}`);
      expect(res.headers['content-type']).toBe(XML_TYPE);
      const doc = xml.parse(res.text) as { service_requests: { request: Record<string, string>[] } };
      expect(doc.service_requests.request).toHaveLength(1);
      expect(doc.service_requests.request[0]).toMatchObject({
        service_request_id: vending,
        status: 'open',
        service_code: 'street_vending',
        agency_responsible: '',
        lat: String(pointA().lat),
      });
    });

    it('filters by service_code (comma list or repeated)', async () => {
      const onlyNoise = ids(await get('requests.json?service_code=noise'));
      expect(onlyNoise).toContain(noise);
      expect(onlyNoise).not.toContain(vending);
      const both = ids(await get('requests.json?service_code=noise,street_vending'));
      expect(both).toEqual(expect.arrayContaining([noise, vending]));
      expect(ids(await get('requests.json?service_code=noise&service_code=street_vending'))).toEqual(both);
      expectError(await get('requests.json?service_code=potholes'), 400, /potholes is not a known service/);
    });

    it('filters by start_date and end_date in W3C format', async () => {
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
      const inWindow = ids(
        await get(`requests.json?start_date=${iso(now - 3_600_000)}&end_date=${iso(now + 3_600_000)}`),
      );
      expect(inWindow).toEqual(expect.arrayContaining([vending, noise]));
      expect(inWindow).not.toContain(old);
      const olderWindow = `start_date=${iso(now - 110 * 86_400_000)}&end_date=${iso(now - 95 * 86_400_000)}`;
      expect(ids(await get(`requests.json?${olderWindow}`))).toEqual([old]);
      // An offset instead of Z, and end_date alone (its 90 days before it).
      const endOnly = encodeURIComponent(
        new Date(now - 95 * 86_400_000).toISOString().slice(0, 19) + '+00:00',
      );
      expect(ids(await get(`requests.json?end_date=${endOnly}`))).toEqual([old]);
      expect(ids(await get(`requests.json?start_date=${iso(now + 3_600_000)}`))).toEqual([]);
    });

    it('400 for a bad date, a reversed window or one longer than 90 days', async () => {
      expectError(await get('requests.json?start_date=yesterday'), 400, /start_date must be a W3C date-time/);
      expectError(await get('requests.xml?end_date=2026-02-31'), 400, /end_date must be a W3C date-time/);
      expectError(await get('requests.json?start_date=2026-01-01T00:00:00'), 400, /start_date must be a W3C/);
      expectError(
        await get('requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z'),
        400,
        /must not be after end_date/,
      );
      expectError(
        await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'),
        400,
        /more than 90 days/,
      );
    });

    it('filters by status and refuses an unknown one', async () => {
      expect(ids(await get('requests.json?status=open'))).toEqual(expect.arrayContaining([vending, noise]));
      expect(ids(await get('requests.json?status=closed'))).not.toContain(vending);
      expect(ids(await get('requests.json?status=open,closed')).length).toBe(
        ids(await get('requests.json')).length,
      );
      expectError(await get('requests.json?status=pending'), 400, /status must be open or closed/);
    });

    it('lets service_request_id (comma list) override every other argument', async () => {
      const res = await get(
        `requests.json?service_request_id=${old},${noise},not-an-id&status=closed&service_code=other`,
      );
      expect(ids(res).sort()).toEqual([old, noise].sort());
    });

    it('GET requests/{id} answers an array of one, in both formats', async () => {
      const res = await get(`requests/${noise}.json`);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(ids(res)).toEqual([noise]);
      const doc = xml.parse((await get(`requests/${noise}.xml`)).text) as {
        service_requests: { request: { service_request_id: string; service_name: string }[] };
      };
      expect(doc.service_requests.request).toEqual([
        expect.objectContaining({ service_request_id: noise, service_name: '噪声扰民' }),
      ]);
    });

    it('404 for an unknown service_request_id, in both formats', async () => {
      expectError(await get('requests/00000000-0000-4000-8000-000000000000.json'), 404, /was not found/);
      expectError(await get('requests/12345.xml'), 404, /service_request_id 12345 was not found/);
    });

    it('answers tokens with 404: requests are created synchronously', async () => {
      expectError(await get('tokens/abc.json'), 404, /token abc was not found/);
      expectError(await get('tokens/abc.xml'), 404, /token abc was not found/);
    });
  });

  describe('status follows the incident', () => {
    it('is open with the summoned department while it is worked on, closed with its close time', async () => {
      const id = await createRequest({ description: '门口占道' });
      await must(streetA.post(`/api/incidents/${id}/register`), 200, 'register');
      const whistle = await blowWhistle(streetA, id, [world.deptX.id, world.deptY.id]);
      const officerY = await login(app.url, world.users.officerY);
      const [toX, toY] = whistle.dispatches;
      await driveDispatch({ assignee: officerY, requester: streetA }, toY?.id ?? '', 'rejected');
      await driveDispatch({ assignee: officerX, requester: streetA }, toX?.id ?? '', 'arrived');

      const working = ((await get(`requests/${id}.json`)).body as Record<string, unknown>[])[0];
      expect(working).toMatchObject({
        status: 'open',
        status_notes: '职能部门正在处置',
        agency_responsible: world.deptX.nameZh,
        expected_datetime: expect.stringMatching(W3C) as string,
      });

      await must(officerX.post(`/api/dispatches/${toX?.id}/resolve`, { note: '已处置完毕' }), 200, 'resolve');
      await must(
        streetA.post(`/api/dispatches/${toX?.id}/verify`, { passed: true, rating: 5 }),
        200,
        'verify',
      );
      await must(streetA.post(`/api/incidents/${id}/close`), 200, 'close');
      const incident = await env.db.getRepository(Incident).findOneByOrFail({ id });

      const closed = ((await get(`requests/${id}.json`)).body as Record<string, unknown>[])[0];
      expect(closed).toMatchObject({
        status: 'closed',
        status_notes: '已办结',
        agency_responsible: world.deptX.nameZh,
        expected_datetime: null,
      });
      expect(Date.parse(String(closed?.updated_datetime))).toBe(
        Math.floor((incident.closedAt?.getTime() ?? 0) / 1000) * 1000,
      );
      expect(ids(await get('requests.json?status=closed'))).toContain(id);
      expect(ids(await get('requests.json?status=open'))).not.toContain(id);
    });

    it('is closed with the reason when the street rejects it', async () => {
      const id = await createRequest();
      await must(streetA.post(`/api/incidents/${id}/reject`, { reason: '不属于本街道管辖' }), 200, 'reject');
      const res = await get(`requests/${id}.xml`);
      const doc = xml.parse(res.text) as { service_requests: { request: Record<string, string>[] } };
      expect(doc.service_requests.request[0]).toMatchObject({
        status: 'closed',
        status_notes: '不予立案：不属于本街道管辖',
      });
    });

    it('is closed as a duplicate when merged into another incident', async () => {
      const original = await createRequest();
      const duplicate = await createRequest();
      await must(
        streetA.post(`/api/incidents/${duplicate}/merge`, { intoIncidentId: original }),
        200,
        'merge',
      );
      const [merged, kept] = (await get(`requests.json?service_request_id=${duplicate},${original}`))
        .body as {
        service_request_id: string;
        status: string;
        status_notes: string;
      }[];
      expect([kept, merged].map((r) => r?.service_request_id)).toEqual([original, duplicate]);
      expect(merged).toMatchObject({ status: 'closed', status_notes: '与其他诉求合并处理' });
      expect(kept?.status).toBe('open');
    });

    function ids(res: Response): string[] {
      return (res.body as { service_request_id: string }[]).map((r) => r.service_request_id);
    }
  });

  describe('rate limit', () => {
    /** Runs the burst inside one fixed window: waits out the last seconds of a minute. */
    async function startOfWindow(): Promise<void> {
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    }

    it('429 in the spec format once a key goes over its own limit', async () => {
      const limited = await issueKey('three a minute', 3);
      await startOfWindow();
      for (let i = 0; i < 3; i++) {
        expect((await post('json', { api_key: limited.key, service_code: 'other', ...at() })).status).toBe(
          201,
        );
      }
      const res = await post('xml', { api_key: limited.key, service_code: 'other', ...at() });
      expectError(res, 429, /Too many requests/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another key is not affected.
      expect((await post('json', { api_key: key, service_code: 'other', ...at() })).status).toBe(201);
    });

    it('applies the configured default to keys without their own limit, counting refused requests too', async () => {
      const plain = await issueKey('default limit');
      await startOfWindow();
      const statuses: number[] = [];
      for (let i = 0; i < DEFAULT_LIMIT + 1; i++) {
        statuses.push((await post('json', { api_key: plain.key, service_code: 'potholes', ...at() })).status);
      }
      expect(statuses.slice(0, DEFAULT_LIMIT).every((s) => s === 404)).toBe(true);
      expect(statuses[DEFAULT_LIMIT]).toBe(429);
    });
  });
});
