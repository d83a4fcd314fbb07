import type { AuditLogPage, CategoryView, DepartmentView } from '@whistle/shared';
import { IDEMPOTENCY_KEY_HEADER } from '@whistle/shared';
import { must } from './support/api-driver';
import { login, type Api } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * 系统管理 · 部门: an administrator creates and edits departments and the categories they handle;
 * each change is audited, and the whistle dialog's suggestions (GET /api/categories) follow it.
 */
describe('departments administration', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let admin: Api;
  let operator: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('api');
    admin = await login(app.url, world.users.admin);
    operator = await login(app.url, world.users.operatorA);
  }, 120_000);

  afterAll(() => env.destroy());

  const suggestionsFor = async (category: string): Promise<string[]> => {
    const res = await must(operator.get('/api/categories'), 200, 'categories');
    return (res.body as CategoryView[]).find((c) => c.code === category)?.suggestedDepartments ?? [];
  };

  const auditOf = async (action: string, id: string) => {
    const res = await must(admin.get(`/api/audit-log?action=${action}&targetId=${id}`), 200, 'audit');
    return (res.body as AuditLogPage).items;
  };

  const newDepartment = {
    code: 'wenlv',
    nameZh: '文旅局',
    nameEn: 'Culture and Tourism Bureau',
    kind: 'department',
    categories: ['street_vending', 'noise'],
  };

  it('creates a department, lists it, audits it and suggests it for its categories', async () => {
    const res = await must(admin.post('/api/departments', newDepartment), 201, 'create');
    const created = res.body as DepartmentView;
    expect(created).toEqual({ id: expect.any(String), ...newDepartment });

    const list = (await must(operator.get('/api/departments'), 200, 'list')).body as DepartmentView[];
    expect(list.find((d) => d.id === created.id)).toEqual(created);
    expect(await suggestionsFor('street_vending')).toContain('wenlv');
    expect(await suggestionsFor('noise')).toContain('wenlv');
    expect(await suggestionsFor('gas_leak')).not.toContain('wenlv');

    const [entry, ...more] = await auditOf('department.created', created.id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actor: { id: world.users.admin.id },
      target: { type: 'department', id: created.id },
      details: {
        code: 'wenlv',
        nameZh: '文旅局',
        kind: 'department',
        categories: ['street_vending', 'noise'],
      },
    });
  });

  it('edits names, kind and categories; the suggestions follow at once and the audit names each change', async () => {
    const list = (await must(admin.get('/api/departments'), 200, 'list')).body as DepartmentView[];
    const wenlv = list.find((d) => d.code === 'wenlv');
    if (!wenlv) throw new Error('wenlv missing');
    const res = await must(
      admin.patch(`/api/departments/${wenlv.id}`, {
        nameZh: '文化旅游局',
        kind: 'utility',
        categories: ['gas_leak'],
      }),
      200,
      'edit',
    );
    expect(res.body).toEqual({ ...wenlv, nameZh: '文化旅游局', kind: 'utility', categories: ['gas_leak'] });
    expect(await suggestionsFor('street_vending')).not.toContain('wenlv');
    expect(await suggestionsFor('gas_leak')).toContain('wenlv');

    const [entry] = await auditOf('department.updated', wenlv.id);
    expect(entry?.details).toEqual({
      code: 'wenlv',
      changes: {
        nameZh: { from: '文旅局', to: '文化旅游局' },
        kind: { from: 'department', to: 'utility' },
        categories: { from: ['street_vending', 'noise'], to: ['gas_leak'] },
      },
    });
    // An edit that changes nothing writes nothing.
    await must(admin.patch(`/api/departments/${wenlv.id}`, { nameZh: '文化旅游局' }), 200, 'no-op');
    expect(await auditOf('department.updated', wenlv.id)).toHaveLength(1);
  });

  it('refuses a taken code with 409 naming the field, on create and on edit', async () => {
    const taken = await admin.post('/api/departments', { ...newDepartment, code: world.deptX.code });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ fields: { code: ['is taken'] } });
    const renamed = await admin.patch(`/api/departments/${world.deptY.id}`, { code: world.deptX.code });
    expect(renamed.status).toBe(409);
    const deptY = ((await admin.get('/api/departments')).body as DepartmentView[]).find(
      (d) => d.id === world.deptY.id,
    );
    expect(deptY?.code).toBe(world.deptY.code);
  });

  it('answers 400 with a message per bad field', async () => {
    const res = await admin.post('/api/departments', {
      code: 'Bad Code',
      nameZh: '',
      nameEn: 'x',
      kind: 'bureau',
      categories: ['ufo'],
    });
    expect(res.status).toBe(400);
    const fields = (res.body as { fields: Record<string, string[]> }).fields;
    expect(Object.keys(fields).sort()).toEqual(['categories', 'code', 'kind', 'nameZh']);
    const patch = await admin.patch(`/api/departments/${world.deptY.id}`, { categories: ['noise', 'noise'] });
    expect(patch.status).toBe(400);
    expect(Object.keys((patch.body as { fields: object }).fields)).toEqual(['categories']);
    expect(
      (await admin.patch('/api/departments/00000000-0000-4000-8000-000000000000', { nameZh: '无' })).status,
    ).toBe(404);
  });

  it('gives a retried create the first answer (Idempotency-Key), creating one department', async () => {
    const body = { ...newDepartment, code: 'retry-once', categories: [] };
    const send = () =>
      admin.post('/api/departments', body).set(IDEMPOTENCY_KEY_HEADER, 'dept-retry-key-0001');
    const first = await must(send(), 201, 'first');
    const second = await must(send(), 201, 'repeat');
    expect(second.body).toEqual(first.body);
    const list = (await admin.get('/api/departments')).body as DepartmentView[];
    expect(list.filter((d) => d.code === 'retry-once')).toHaveLength(1);
  });
});
