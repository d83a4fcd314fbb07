import type { HotlineImportReport, HotlineOrderResult, IncidentDetail, IncidentView } from '@whistle/shared';
import ExcelJS from 'exceljs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { abortMidUpload } from './support/aborted-upload';
import { incidentDetail, must } from './support/api-driver';
import { login, type Api } from './support/clients';
import {
  CHINESE_HEADER,
  generateHotlineOrders,
  toCsv,
  type GeneratedOrder,
  type HotlineRow,
} from './support/hotline-orders';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 12345 work orders: a 10,000-row batch file with bad rows, JSON and Excel files, the webhook and satisfaction. */
describe('12345 hotline work orders', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let district: Api;
  let street: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    district = await login(app.url, world.users.districtOperator);
    street = await login(app.url, world.users.operatorA);
  });

  afterAll(() => env.destroy());

  const upload = (api: Api | null, content: string, filename: string, contentType: string) => {
    const req = request(app.url).post('/api/hotline/imports');
    if (api) req.set('Authorization', `Bearer ${api.token}`);
    return req.attach('file', Buffer.from(content, 'utf8'), { filename, contentType });
  };

  const importFile = async (content: string, filename: string, contentType: string) =>
    (await must(upload(district, content, filename, contentType), 200, `import ${filename}`))
      .body as HotlineImportReport;

  const countHotlineIncidents = async () =>
    Number(
      (
        await env.db.query<
          {
            n: string;
          }[]
        >(`SELECT count(*) AS n FROM incidents WHERE source = 'hotline_12345'`)
      )[0]?.n,
    );

  describe('a 10,000-row CSV file with bad rows', () => {
    let orders: GeneratedOrder[];
    let csv: string;
    /** Data rows (1-based) spoiled on purpose, and what the report must say about each. */
    const bad = [
      { row: 101, field: 'orderNo', code: 'required' },
      { row: 2002, field: 'receivedAt', code: 'received_at_format' },
      { row: 3003, field: 'category', code: 'category_unknown' },
      { row: 4004, field: 'location', code: 'point_outside_district' },
      { row: 5005, field: 'orderNo', code: 'order_repeated' },
    ];

    beforeAll(() => {
      orders = generateHotlineOrders(10_000, [world.streetA, world.streetB], 'HL');
      const rows = orders.map((o) => ({ ...o.row }));
      rows[100]['工单编号'] = '';
      rows[2001]['受理时间'] = '2026-13-45 25:00';
      rows[3002]['问题类型'] = '外星人入侵';
      rows[4003]['经度'] = '117.5';
      rows[5004]['工单编号'] = orders[5003].orderNo;
      csv = toCsv(rows);
    });

    const good = () => orders.filter((_, i) => !bad.some((b) => b.row === i + 1));

    it('reports exactly the bad rows and creates an incident in the right grid for every other one', async () => {
      const report = await importFile(csv, 'orders-2026-11.csv', 'text/csv');
      expect(report).toMatchObject({
        total: 10_000,
        created: 9_995,
        duplicates: 0,
        updated: 0,
        failed: 5,
        errorCount: 5,
      });
      expect(report.errors.map((e) => ({ row: e.row, field: e.field, code: e.code }))).toEqual(bad);
      expect(report.errors[0]?.orderNo).toBeNull();
      // Each error says what is wrong as a code with its params, and in English for API clients.
      expect(report.errors[2]).toMatchObject({
        params: { value: '外星人入侵' },
        message: '"外星人入侵" is not a known category',
      });
      expect(report.errors[4]).toMatchObject({
        orderNo: orders[5003].orderNo,
        params: { firstRow: 5004 },
        message: expect.stringContaining('row 5004'),
      });

      const stored = await env.db.query<
        { order_no: string; grid_id: string; street_id: string; category: string }[]
      >(
        `SELECT o.order_no, i.grid_id, i.street_id, i.category
           FROM hotline_orders o JOIN incidents i ON i.id = o.incident_id
           WHERE i.source = 'hotline_12345' AND i.status = 'reported'`,
      );
      const byOrder = new Map(stored.map((s) => [s.order_no, s]));
      expect(byOrder.size).toBe(9_995);
      const misplaced = good().filter((o) => {
        const s = byOrder.get(o.orderNo);
        return (
          !s ||
          s.category !== o.category ||
          s.street_id !== o.streetId ||
          (o.gridId !== null && s.grid_id !== o.gridId)
        );
      });
      expect(misplaced.map((o) => o.orderNo)).toEqual([]);
      // Each new incident was recorded like any other: one incident.created event apiece.
      const events = await env.db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM events e JOIN hotline_orders o ON o.incident_id = e.incident_id
         WHERE e.type = 'incident.created'`,
      );
      expect(Number(events[0]?.n)).toBe(9_995);
      // The phone number is kept masked only.
      const phones = await env.db.query<{ p: string }[]>(
        `SELECT citizen_phone_masked AS p FROM hotline_orders WHERE order_no = $1`,
        [orders[0].orderNo],
      );
      expect(phones[0]?.p).toBe('138****0000');
    });

    it('creates nothing new when the same file is sent again', async () => {
      const before = await countHotlineIncidents();
      const report = await importFile(csv, 'orders-2026-11.csv', 'text/csv');
      expect(report).toMatchObject({ total: 10_000, created: 0, duplicates: 9_995, updated: 0, failed: 5 });
      expect(report.errors.map((e) => e.row)).toEqual(bad.map((b) => b.row));
      expect(await countHotlineIncidents()).toBe(before);
    });

    it('imports a JSON file: new orders, re-sent orders with a satisfaction result, bad rows', async () => {
      const resent = orders[10];
      const json = JSON.stringify([
        {
          orderNo: 'HL-JSON-1',
          receivedAt: '2026-11-20T09:30:00+08:00',
          category: 'noise',
          description: '夜间施工噪音',
          lng: world.streetB.points[2].lng,
          lat: world.streetB.points[2].lat,
          priority: '紧急',
        },
        {
          orderNo: resent.orderNo,
          receivedAt: '2026-11-02 10:15',
          category: '占道经营',
          description: 'x',
          地址: '测试社区1',
          满意度: '不满意',
        },
        {
          工单编号: orders[11].orderNo,
          受理时间: '2026-11-02 10:15',
          问题类型: '噪音扰民',
          诉求内容: '再次来电',
          地址: '测试社区1',
        },
        { orderNo: 'HL-JSON-2', receivedAt: 'yesterday', category: 'noise', description: '无位置' },
        'not an order',
      ]);
      const report = await importFile(json, 'orders.json', 'application/json');
      expect(report).toMatchObject({ total: 5, created: 1, duplicates: 1, updated: 1, failed: 2 });
      expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [4, 'receivedAt', 'received_at_format'],
        [4, 'location', 'location_missing'],
        [5, 'file', 'not_an_object'],
      ]);
      const created = await env.db.query<{ street_id: string; grid_id: string; priority: string }[]>(
        `SELECT i.street_id, i.grid_id, i.priority FROM hotline_orders o JOIN incidents i ON i.id = o.incident_id WHERE o.order_no = 'HL-JSON-1'`,
      );
      expect(created[0]).toEqual({
        street_id: world.streetB.street.id,
        grid_id: world.streetB.grids[2].id,
        priority: 'urgent',
      });
      const satisfaction = await env.db.query<{ s: string }[]>(
        `SELECT i.citizen_satisfaction AS s FROM hotline_orders o JOIN incidents i ON i.id = o.incident_id WHERE o.order_no = $1`,
        [resent.orderNo],
      );
      expect(satisfaction[0]?.s).toBe('dissatisfied');
    });
  });

  describe('an Excel workbook (.xlsx), as the hotline platform exports', () => {
    /** China wall-clock time as Excel keeps it: a date without a zone (read back as UTC). */
    const excelDate = (local: string): Date => new Date(`${local.replace(' ', 'T')}Z`);

    /** The orders on the first worksheet, dates and coordinates as typed cells; a notes tab after. */
    const workbookOf = async (rows: readonly HotlineRow[]): Promise<Buffer> => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('工单明细');
      sheet.addRow(CHINESE_HEADER);
      for (const r of rows) {
        sheet.addRow(
          CHINESE_HEADER.map((h) => {
            const text = r[h] ?? '';
            if (h === '受理时间') return excelDate(text);
            if ((h === '经度' || h === '纬度') && text !== '') return Number(text);
            return text === '' ? null : text;
          }),
        );
      }
      sheet.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
      book.addWorksheet('说明').addRow(['工单编号', '本页不是工单']);
      return Buffer.from(await book.xlsx.writeBuffer());
    };

    const uploadBuffer = (content: Buffer, filename: string, contentType: string) =>
      request(app.url)
        .post('/api/hotline/imports')
        .set('Authorization', `Bearer ${district.token}`)
        .attach('file', content, { filename, contentType });

    it('imports the rows of the first worksheet and reports a bad row with its code', async () => {
      const orders = generateHotlineOrders(60, [world.streetA, world.streetB], 'HL-XLSX');
      const rows = orders.map((o) => ({ ...o.row }));
      rows[9]['问题类型'] = '外星人入侵';
      const res = await must(
        uploadBuffer(await workbookOf(rows), '12345工单.xlsx', XLSX_TYPE),
        200,
        'import xlsx',
      );
      const report = res.body as HotlineImportReport;
      expect(report).toMatchObject({ total: 60, created: 59, duplicates: 0, failed: 1, errorCount: 1 });
      expect(report.errors).toEqual([
        {
          row: 10,
          orderNo: orders[9].orderNo,
          field: 'category',
          code: 'category_unknown',
          params: { value: '外星人入侵' },
          message: '"外星人入侵" is not a known category',
        },
      ]);
      // The date cell is the hotline's China time, the number cells place the order in its grid.
      const stored = await env.db.query<{ received_at: Date; grid_id: string; category: string }[]>(
        `SELECT o.received_at, i.grid_id, i.category FROM hotline_orders o
           JOIN incidents i ON i.id = o.incident_id WHERE o.order_no = $1`,
        [orders[1].orderNo],
      );
      const local = orders[1].row['受理时间'];
      expect(stored[0]?.received_at.toISOString()).toBe(
        new Date(excelDate(local).getTime() - 8 * 3_600_000).toISOString(),
      );
      expect(stored[0]).toMatchObject({ grid_id: orders[1].gridId, category: orders[1].category });
    });

    it('refuses a workbook that is not one, or is broken, with 400 naming the file', async () => {
      const fake = await uploadBuffer(Buffer.from('工单编号\nA-1\n', 'utf8'), 'orders.xlsx', XLSX_TYPE);
      expect(fake.status).toBe(400);
      expect(fake.body).toMatchObject({
        fields: { file: ['is not an Excel workbook (.xlsx)'] },
        code: 'xlsx_invalid',
        params: {},
      });
      const whole = await workbookOf(
        generateHotlineOrders(5, [world.streetA], 'HL-XLSX-CUT').map((o) => o.row),
      );
      const cut = await uploadBuffer(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx', XLSX_TYPE);
      expect(cut.status).toBe(400);
      expect(Object.keys((cut.body as { fields: object }).fields)).toEqual(['file']);
      expect(cut.body).toMatchObject({ code: 'xlsx_incomplete' });
      const old = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(512)]);
      const xls = await uploadBuffer(old, 'orders.xls', 'application/vnd.ms-excel');
      expect(xls.status).toBe(400);
      expect(xls.body).toMatchObject({ code: 'xls_format' });
      expect((await request(app.url).get('/health')).status).toBe(200);
    });
  });

  describe('the single-order webhook', () => {
    const order = (extra: object = {}) => ({
      orderNo: 'HL-WEB-1',
      receivedAt: '2026-11-21 08:00:00',
      category: '违章停车',
      description: '小区门口车辆乱停放，堵塞消防通道',
      lng: world.streetA.points[1].lng,
      lat: world.streetA.points[1].lat,
      citizenPhone: '139-1234-5678',
      ...extra,
    });

    it('answers 201 with the new incident, then 200 with the same incident on every re-send', async () => {
      const first = (await must(district.post('/api/hotline/orders', order()), 201, 'send order'))
        .body as HotlineOrderResult;
      expect(first).toMatchObject({ orderNo: 'HL-WEB-1', outcome: 'created' });
      const again = (await must(district.post('/api/hotline/orders', order()), 200, 'resend order'))
        .body as HotlineOrderResult;
      expect(again).toEqual({ orderNo: 'HL-WEB-1', incidentId: first.incidentId, outcome: 'duplicate' });
      const rated = (
        await must(
          district.post('/api/hotline/orders', order({ satisfaction: '基本满意' })),
          200,
          'resend rated',
        )
      ).body as HotlineOrderResult;
      expect(rated).toEqual({ orderNo: 'HL-WEB-1', incidentId: first.incidentId, outcome: 'updated' });
      const detail = await incidentDetail(district, first.incidentId);
      expect(detail).toMatchObject({
        source: 'hotline_12345',
        category: 'traffic_parking',
        gridId: world.streetA.grids[1].id,
        citizenSatisfaction: 'basically_satisfied',
      });
      expect(detail.timeline.map((t) => t.summary.change)).toEqual(['created', 'satisfaction']);
      const count = await env.db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM hotline_orders WHERE order_no = 'HL-WEB-1'`,
      );
      expect(Number(count[0]?.n)).toBe(1);
    });

    it('refuses a bad order with 400 naming its fields, and writes nothing', async () => {
      const res = await district.post('/api/hotline/orders', {
        orderNo: 'HL-WEB-BAD',
        receivedAt: '2026-02-30 08:00',
        category: 'unknown',
        description: '',
        lng: 117.5,
        lat: 32,
        colour: 'red',
      });
      expect(res.status).toBe(400);
      expect(Object.keys((res.body as { fields: Record<string, string[]> }).fields).sort()).toEqual(
        ['category', 'colour', 'description', 'location', 'receivedAt'].sort(),
      );
      const count = await env.db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM hotline_orders WHERE order_no = 'HL-WEB-BAD'`,
      );
      expect(Number(count[0]?.n)).toBe(0);
    });

    it("shows a hotline incident's likely duplicates in its detail", async () => {
      const point = world.streetA.points[3];
      const operatorIncident = (
        await must(
          street.post('/api/incidents', {
            title: '行道树倒伏',
            category: 'greenery',
            priority: 'normal',
            location: point,
            source: 'operator',
          }),
          201,
          'create incident',
        )
      ).body as IncidentView;
      const sent = (
        await must(
          district.post('/api/hotline/orders', {
            orderNo: 'HL-WEB-DUP',
            receivedAt: '2026-11-21T10:00:00Z',
            category: '绿化养护',
            description: '路边行道树倒了没人管',
            lng: point.lng + 0.0002,
            lat: point.lat,
          }),
          201,
          'send order',
        )
      ).body as HotlineOrderResult;
      const detail: IncidentDetail = await incidentDetail(district, sent.incidentId);
      expect(detail.likelyDuplicates.map((d) => d.id)).toEqual([operatorIncident.id]);
      expect(detail.likelyDuplicates[0]?.distanceMeters).toBeGreaterThan(15);
      expect(detail.likelyDuplicates[0]?.distanceMeters).toBeLessThan(25);
    });
  });

  describe('satisfaction call-backs', () => {
    it('records the result onto the incident, and answers 404 for an unknown order', async () => {
      const sent = (
        await must(
          district.post('/api/hotline/orders', {
            orderNo: 'HL-SAT-1',
            receivedAt: '2026-11-21 09:00',
            category: 'noise',
            description: '广场舞噪音',
            地址: '测试街道2',
          }),
          201,
          'send order',
        )
      ).body as HotlineOrderResult;
      const res = await must(
        district.post('/api/hotline/orders/HL-SAT-1/satisfaction', { result: '满意' }),
        200,
        'satisfaction',
      );
      expect(res.body).toEqual({
        orderNo: 'HL-SAT-1',
        incidentId: sent.incidentId,
        citizenSatisfaction: 'satisfied',
      });
      const detail = await incidentDetail(district, sent.incidentId);
      expect(detail.citizenSatisfaction).toBe('satisfied');
      expect(detail.streetId).toBe(world.streetB.street.id);
      expect(
        (await district.post('/api/hotline/orders/HL-NOPE/satisfaction', { result: '满意' })).status,
      ).toBe(404);
      const bad = await district.post('/api/hotline/orders/HL-SAT-1/satisfaction', { result: '还行' });
      expect(bad.status).toBe(400);
      expect(Object.keys((bad.body as { fields: object }).fields)).toEqual(['result']);
    });
  });

  describe('refusals', () => {
    it('refuses files that are not CSV, Excel or JSON, or not readable as such, with 400', async () => {
      const txt = await upload(district, 'hello', 'orders.txt', 'text/plain');
      expect(txt.status).toBe(400);
      expect(Object.keys((txt.body as { fields: object }).fields)).toEqual(['file']);
      const none = await request(app.url)
        .post('/api/hotline/imports')
        .set('Authorization', `Bearer ${district.token}`)
        .field('x', '1');
      expect(none.status).toBe(400);
      expect((await upload(district, '{"orderNo": "A"}', 'orders.json', 'application/json')).status).toBe(
        400,
      );
      expect((await upload(district, 'name,phone\na,b\n', 'orders.csv', 'text/csv')).status).toBe(400);
    });

    it('answers 401 without a token and 403 to roles other than the district operator and admin', async () => {
      const csv = toCsv(generateHotlineOrders(1, [world.streetA], 'HL-AUTH').map((o) => o.row));
      expect((await upload(null, csv, 'a.csv', 'text/csv')).status).toBe(401);
      expect((await upload(street, csv, 'a.csv', 'text/csv')).status).toBe(403);
      expect((await request(app.url).post('/api/hotline/orders').send({})).status).toBe(401);
      expect((await street.post('/api/hotline/orders', {})).status).toBe(403);
      expect(
        (await street.post('/api/hotline/orders/HL-WEB-1/satisfaction', { result: '满意' })).status,
      ).toBe(403);
      const admin = await login(app.url, world.users.admin);
      expect((await admin.post('/api/hotline/orders/HL-WEB-1/satisfaction', { result: '满意' })).status).toBe(
        200,
      );
    });
  });

  describe('a client that goes away mid-upload', () => {
    /** Multer's spool files in the temporary folder (random names of 32 hex digits). */
    const spooled = async () => new Set((await readdir(tmpdir())).filter((n) => /^[0-9a-f]{32}$/.test(n)));

    it('spools the file to disk while it arrives and removes it when the upload is cut off', async () => {
      const incidents = await countHotlineIncidents();
      const before = await spooled();
      let ours: string | undefined;
      const rows = generateHotlineOrders(3_000, [world.streetA], 'HL-CUT').map((o) => o.row);
      const { answeredBeforeCut } = await abortMidUpload({
        url: `${app.url}/api/hotline/imports`,
        token: district.token,
        field: 'file',
        filename: 'cut-off.csv',
        contentType: 'text/csv',
        sent: Buffer.from(toCsv(rows), 'utf8'),
        // Cut once the server is writing the file to disk: it is streamed, mid-request.
        cutWhen: async () => {
          ours = [...(await spooled())].find((name) => !before.has(name));
          return ours !== undefined;
        },
      });
      expect(answeredBeforeCut).toBe(false);
      expect(ours).toBeDefined();
      await waitUntil(async () => !(await spooled()).has(ours ?? ''));
      expect((await spooled()).has(ours ?? '')).toBe(false);
      expect(await countHotlineIncidents()).toBe(incidents);
      expect((await request(app.url).get('/health')).status).toBe(200);
    });
  });
});
