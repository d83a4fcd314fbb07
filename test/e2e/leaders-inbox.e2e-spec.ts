/**
 * The leaders' inbox and the street's map, as their users work them: a street blows a tough whistle
 * (攻坚哨) through the API; the district leader, already at the cockpit, sees the summons arrive in
 * the inbox beside it and accepts, reports in and resolves it. The department resolves its own
 * dispatch and the grid worker checks the site; the street console shows its map beside the list,
 * a click on a marker opens that incident, and the grid worker's check shows before verifying. The
 * duty console shows the department's own score and rank. Screenshots of each go to artifacts/.
 */
import { join } from 'node:path';
import type { DepartmentView, IncidentView, UserView, WhistleView } from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { launchPeople, PASSWORD, type People } from './support/browser';
import { middleOf, type GridFeature } from './support/whistles';

const ARTIFACTS = join(__dirname, 'artifacts');

// A browser, maps in software WebGL and a real server on a shared machine: generous, not endless.
jest.setTimeout(240_000);

describe('leaders’ inbox, street map, department score', () => {
  let people: People;
  beforeAll(async () => {
    people = await launchPeople();
  });
  afterAll(() => people.close());

  it('a leader summoned by a tough whistle accepts, reports in and resolves from the inbox', async () => {
    // The grid worker's first grid: the incident goes there, so the worker may check it on site.
    const gridLogin = await api<{ accessToken: string; user: UserView }>(null, 'POST', '/auth/login', {
      username: 'grid.fuzimiao.01',
      password: PASSWORD,
    });
    const gridToken = gridLogin.accessToken;
    const grids = await api<{ features: GridFeature[] }>(gridToken, 'GET', '/grids');
    const grid = grids.features.find((g) => g.properties.id === gridLogin.user.gridIds[0]);

    const streetToken = await tokenFor('street.fuzimiao');
    const incident = await api<IncidentView>(streetToken, 'POST', '/incidents', {
      title: '端到端测试：夫子庙违建攻坚',
      category: 'illegal_construction',
      priority: 'high',
      source: 'operator',
      location: middleOf(grid),
    });
    await api(streetToken, 'POST', `/incidents/${incident.id}/register`);
    const departments = await api<DepartmentView[]>(streetToken, 'GET', '/departments');
    const chengguan = departments.find((d) => d.code === 'chengguan');

    // The leader is at the cockpit before the whistle blows: the summons must arrive live.
    const leader = await people.open('district.leader', 'leaders');
    await leader.page.getByTestId('cockpit-tab-inbox').click();
    await leader.page.getByTestId('leader-inbox').waitFor();

    const whistle = await api<WhistleView>(streetToken, 'POST', `/incidents/${incident.id}/whistles`, {
      type: 'tough',
      departmentIds: [chengguan?.id],
      note: '多次整改未果，请区领导协调',
    });
    const summons = whistle.leaderDispatches[0];
    expect(summons).toBeDefined();
    const row = leader.page.locator(`[data-testid="inbox-row"][data-dispatch-id="${summons?.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    const inbox = leader.page.getByTestId('leader-inbox');
    // Accept and report in from the keyboard, as the duty console does (a, r press the real buttons).
    // A button is disabled while its request (and the refetch after it) is under way; a key on a
    // disabled button does nothing, as a click would.
    await inbox.locator('[data-testid="action-accept"]:not([disabled])').waitFor();
    await leader.page.keyboard.press('a');
    await inbox.locator('[data-testid="action-arrive"]:not([disabled])').waitFor({ timeout: 60_000 });
    await leader.page.keyboard.press('r');
    // Enabled once the report-in has gone through (a loaded CI machine takes its time).
    await inbox.locator('[data-testid="action-resolve"]:not([disabled])').waitFor({ timeout: 60_000 });
    await leader.page.screenshot({ path: join(ARTIFACTS, 'leaders-inbox-zh.png') });
    await inbox.getByTestId('action-resolve').click();
    await leader.page.locator('[role="dialog"] textarea').fill('已到现场召集城管、街道协调，违建已拆除');
    await leader.page.getByTestId('resolve-submit').click();
    await row.locator('.dk-status--resolved').waitFor();
    const after = await api<{ status: string }>(
      await tokenFor('district.leader'),
      'GET',
      `/dispatches/${summons?.id}`,
    );
    expect(after.status).toBe('resolved');

    // The department resolves its dispatch; the grid worker finds it not fixed on site.
    const deptToken = await tokenFor('dept.chengguan');
    const deptDispatch = whistle.dispatches[0];
    for (const [action, body] of [
      ['accept', {}],
      ['arrive', {}],
      ['resolve', { note: '已拆除违建并清运' }],
    ] as const) {
      await api(deptToken, 'POST', `/dispatches/${deptDispatch?.id}/${action}`, body);
    }
    await api(gridToken, 'POST', `/incidents/${incident.id}/site-checks`, {
      fixed: false,
      note: '东侧围挡仍未拆除',
    });

    // The cockpit: handling times at p50/p90, street scores and whistle rates.
    // Reloaded, so the period's figures include the department's times just made.
    await leader.page.reload();
    await leader.page.getByTestId('view-leaders').waitFor();
    await leader.page.getByTestId('time-to-figures').waitFor();
    await leader.page.locator('[data-testid="street-ranking"] tbody tr').first().waitFor();
    await leader.page.locator('[data-testid="heat-map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    // The department accepted seconds after the whistle: a figure, not the empty mark.
    await leader.page.waitForFunction(
      () => (document.querySelector('[data-testid="time-to-accept-p50"]')?.textContent ?? '—') !== '—',
    );
    await leader.page.screenshot({ path: join(ARTIFACTS, 'leaders-cockpit-zh.png') });
    expect(leader.problems).toEqual([]);

    // The street console: the map beside the list; a marker opens its incident.
    const street = await people.open('street.fuzimiao', 'street');
    const map = street.page.getByTestId('street-map');
    await map.locator('[data-testid="district-map"][data-incidents-painted]').waitFor({ timeout: 90_000 });
    await map.locator('[data-testid="district-map"][data-grids-painted="true"]').waitFor({ timeout: 90_000 });
    // Journeys share this street: where their incidents draw as a cluster, a click on it zooms in
    // until it splits, as a person would do, so a lone marker shows.
    for (let zoomIn = 0; zoomIn < 8 && (await map.locator('circle.dot').count()) === 0; zoomIn++) {
      const cluster = await map.locator('circle.cluster').first().boundingBox();
      if (!cluster) break;
      await street.page.mouse.click(cluster.x + cluster.width / 2, cluster.y + cluster.height / 2);
      await street.page.waitForTimeout(1_000);
    }
    const dot = map.locator('circle.dot').first();
    const box = await dot.boundingBox();
    expect(box).not.toBeNull();
    if (box) await street.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await street.page.getByTestId('incident-detail').waitFor({ timeout: 15_000 });

    // Our incident: the grid worker's check shows before the operator verifies.
    await street.page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).click();
    const detail = street.page.locator(`[data-testid="incident-detail"][aria-label="${incident.title}"]`);
    await detail.getByTestId('latest-site-check').waitFor();
    expect(await detail.getByTestId('latest-site-check-result').textContent()).toBe('未整改');
    await detail.getByTestId('action-verify').first().waitFor();
    await street.page.screenshot({ path: join(ARTIFACTS, 'street-map-zh.png') });
    expect(street.problems).toEqual([]);

    // The duty console: the department's own score and rank this month, nothing of the others.
    const duty = await people.open('dept.chengguan', 'duty');
    const line = duty.page.getByTestId('dept-score-line');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/^本月得分 \d+(\.\d)? · 第 \d+ \/ \d+ 名/);
    await duty.page.screenshot({ path: join(ARTIFACTS, 'duty-score-zh.png') });
    expect(duty.problems).toEqual([]);
  });
});
