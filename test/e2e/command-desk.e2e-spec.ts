/**
 * The district command desk's journey, in Chromium against the real stack: a dispatch really goes
 * overdue (the administrator sets a one-minute accept limit for one whistle type and priority, the
 * street blows such a whistle, and the department lets the minute lapse — the deadline timer does
 * the rest); the district operator at /desk sees it at the top of the list, escalates it to a 攻坚哨
 * in one click; the district leader paired with the street, summoned by it, signs in, finds it in
 * the leaders' inbox, accepts it and reports in (报到). The desk also puts the incident on the
 * standing register (挂账); its incidents tab lists the overdue incident ahead of a fresh report, which
 * the desk registers. Screenshots: desk-zh.png, desk-overdue-zh.png, desk-incidents-zh.png,
 * desk-standing-zh.png.
 */
import { join } from 'node:path';
import type {
  DepartmentView,
  DispatchView,
  IncidentView,
  StandingEntryView,
  TimerRule,
  WhistleView,
} from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { baseUrl, launchPeople, type People } from './support/browser';
import { pointInStreet } from './support/whistles';

const ARTIFACTS = join(__dirname, 'artifacts');

// The accept stage must really lapse (one minute, the shortest limit a rule may set), then a
// browser journey on a shared machine: generous, not endless.
jest.setTimeout(420_000);

/** The rule this test shortens: a combination no other journey blows. */
const RULE = { whistleType: 'key_work', priority: 'low' } as const;

async function putTimerRule(token: string, rule: TimerRule): Promise<void> {
  const res = await fetch(`${baseUrl()}/api/timer-rules`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(rule),
  });
  if (!res.ok) throw new Error(`PUT /timer-rules: ${res.status} ${await res.text()}`);
}

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('district command desk', () => {
  let people: People;
  let adminToken: string;
  let restore: TimerRule | undefined;

  beforeAll(async () => {
    people = await launchPeople();
    adminToken = await tokenFor('admin');
    const rules = await api<TimerRule[]>(adminToken, 'GET', '/timer-rules');
    const own = rules.find((r) => r.whistleType === RULE.whistleType && r.priority === RULE.priority);
    const general = rules.find((r) => r.whistleType === RULE.whistleType && r.priority === 'any');
    restore = own ?? (general ? { ...general, priority: RULE.priority } : undefined);
  });

  afterAll(async () => {
    if (restore) await putTimerRule(adminToken, restore);
    await people.close();
  });

  it('an overdue dispatch is escalated to a 攻坚哨 from the desk, and the summoned leader reports in', async () => {
    // The administrator shortens one rule: accept within a minute.
    await putTimerRule(adminToken, { ...RULE, limits: { accept: 1, arrive: 60, resolve: 600 } });

    // The street raises an incident of that priority and blows that whistle to 城管.
    const streetToken = await tokenFor('street.fuzimiao');
    const incident = await api<IncidentView>(streetToken, 'POST', '/incidents', {
      title: '端到端测试：夫子庙河道漂浮垃圾',
      category: 'environment',
      priority: RULE.priority,
      source: 'operator',
      location: await pointInStreet(streetToken, 'fuzimiao'),
    });
    await api(streetToken, 'POST', `/incidents/${incident.id}/register`);
    const departments = await api<DepartmentView[]>(streetToken, 'GET', '/departments');
    const chengguan = departments.find((d) => d.code === 'chengguan');
    if (!chengguan) throw new Error('the demo world has no 城管');
    const whistle = await api<WhistleView>(streetToken, 'POST', `/incidents/${incident.id}/whistles`, {
      type: RULE.whistleType,
      departmentIds: [chengguan.id],
      note: '请尽快到场清理',
    });
    const dispatch = whistle.dispatches[0];
    if (!dispatch) throw new Error('the whistle opened no dispatch');
    expect(Date.parse(dispatch.acceptBy) - Date.parse(dispatch.createdAt)).toBe(60_000);

    // The district operator is at the desk while the minute runs.
    const desk = await people.open('district.operator', 'desk');
    const row = desk.page.locator(`[data-testid="desk-row"][data-dispatch-id="${dispatch.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await desk.page.screenshot({ path: join(ARTIFACTS, 'desk-zh.png') });

    // Nobody accepts: the deadline timer marks it overdue, and the desk lists it first.
    await desk.page
      .locator(`[data-testid="desk-row"][data-dispatch-id="${dispatch.id}"] .cd-missed`)
      .waitFor({ timeout: 150_000 });
    const first = desk.page.locator('[data-testid="desk-row"]').first();
    expect(await first.getAttribute('data-dispatch-id')).toBe(dispatch.id);
    expect(await first.getAttribute('data-overdue')).toBe('true');

    // Open it, 督办 first: the note goes to 城管 and into the dispatch's timeline.
    await row.click();
    await desk.page.getByTestId('timeline').waitFor();
    // From the keyboard: d presses 督办 on the selected dispatch and opens its note dialog.
    await desk.page.locator('[data-testid="desk-supervise"]:not([disabled])').waitFor();
    await desk.page.keyboard.press('d');
    await desk.page.locator('[role="dialog"] textarea').fill('请立即安排人员到场清理并报到');
    await desk.page.locator('[role="dialog"] button[type="submit"]').click();
    const note = desk.page.locator('[data-testid="timeline"] li:has-text("请立即安排人员到场清理并报到")');
    await note.waitFor({ timeout: 15_000 });
    await note.scrollIntoViewIfNeeded();
    await desk.page.screenshot({ path: join(ARTIFACTS, 'desk-overdue-zh.png') });

    // Then escalate: one click blows a tough whistle summoning 城管 and the paired leader.
    await desk.page.getByTestId('desk-escalate').click();
    await desk.page
      .locator('[data-testid="desk-escalate"]:has-text("已吹攻坚哨")')
      .waitFor({ timeout: 15_000 });

    const operatorToken = await tokenFor('district.operator');
    const leaderDispatch = await until('the leader’s dispatch', async () => {
      const list = await api<DispatchView[]>(operatorToken, 'GET', `/dispatches?incidentId=${incident.id}`);
      return list.find((d) => d.assigneeKind === 'leader' && d.whistleType === 'tough');
    });
    const toughForChengguan = await api<DispatchView[]>(
      operatorToken,
      'GET',
      `/dispatches?incidentId=${incident.id}`,
    );
    expect(toughForChengguan.some((d) => d.whistleType === 'tough' && d.departmentId === chengguan.id)).toBe(
      true,
    );

    // The district leader signs in, opens the leaders' inbox, accepts and reports in.
    const leader = await people.open('district.leader', 'leaders');
    await leader.page.getByTestId('cockpit-tab-inbox').click();
    await leader.page.getByTestId('leader-inbox').waitFor();
    const summons = leader.page.locator(`[data-testid="inbox-row"][data-dispatch-id="${leaderDispatch.id}"]`);
    await summons.waitFor({ timeout: 30_000 });
    await summons.click();
    await leader.page.getByTestId('action-accept').click();
    await leader.page.getByTestId('action-arrive').waitFor({ timeout: 15_000 });
    await leader.page.getByTestId('action-arrive').click();
    const leaderToken = await tokenFor('district.leader');
    await until('the leader’s report-in', async () => {
      const d = await api<DispatchView>(leaderToken, 'GET', `/dispatches/${leaderDispatch.id}`);
      return d.status === 'arrived' ? d : undefined;
    });

    // The desk's incidents tab: every street's incidents, the overdue one ahead of a fresh report
    // that still waits for the street's whistle; the district operator registers that one (立案).
    const fresh = await api<IncidentView>(streetToken, 'POST', '/incidents', {
      title: '端到端测试：夫子庙共享单车堵塞盲道',
      category: 'street_vending',
      priority: 'normal',
      source: 'operator',
      location: await pointInStreet(streetToken, 'fuzimiao'),
    });
    await desk.page.getByTestId('desk-tab-incidents').click();
    await desk.page.getByTestId('filter-street').selectOption({ label: '夫子庙街道' });
    const incidentRow = (id: string) =>
      desk.page.locator(`[data-testid="desk-incident-row"][data-incident-id="${id}"]`);
    await incidentRow(fresh.id).waitFor({ timeout: 30_000 });
    expect(await incidentRow(incident.id).getAttribute('data-overdue')).toBe('true');
    const order = await desk.page
      .locator('[data-testid="desk-incident-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-id')));
    expect(order.indexOf(incident.id)).toBeLessThan(order.indexOf(fresh.id));
    expect(await incidentRow(fresh.id).textContent()).toContain('待吹哨');
    await incidentRow(fresh.id).click();
    await desk.page.getByTestId('incident-register').click();
    await incidentRow(fresh.id).locator('.dk-status:has-text("已立案")').waitFor({ timeout: 15_000 });
    await desk.page
      .locator('[data-testid="incident-detail"] .dk-status:has-text("已立案")')
      .waitFor({ timeout: 15_000 });
    await desk.page.screenshot({ path: join(ARTIFACTS, 'desk-incidents-zh.png') });
    await desk.page.getByTestId('desk-tab-dispatches').click();

    // Back at the desk: the incident goes on the standing register with a reason and review date.
    await row.click();
    await desk.page.getByTestId('desk-standing').click();
    await desk.page.getByTestId('standing-reason').fill('河道产权涉及市级部门，需协调后处置');
    await desk.page.getByTestId('standing-review-on').fill('2030-06-30');
    await desk.page.getByTestId('standing-submit').click();
    await until('the standing entry', async () => {
      const list = await api<StandingEntryView[]>(operatorToken, 'GET', '/incidents/standing');
      return list.find((e) => e.incident.id === incident.id);
    });
    await desk.page.getByTestId('desk-tab-standing').click();
    await desk.page.locator(`[data-testid="standing-row"][data-incident-id="${incident.id}"]`).waitFor();

    // Another incident's review date is today: the reminder fires (once) and the row is marked due.
    const older = await api<IncidentView>(streetToken, 'POST', '/incidents', {
      title: '端到端测试：夫子庙历史遗留违建',
      category: 'illegal_construction',
      priority: 'normal',
      source: 'operator',
      location: await pointInStreet(streetToken, 'fuzimiao'),
    });
    await api(streetToken, 'POST', `/incidents/${older.id}/register`);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await api(operatorToken, 'POST', `/incidents/${older.id}/standing`, {
      reason: '产权纠纷进入司法程序，待判决后处置',
      reviewOn: today,
    });
    await desk.page
      .locator(`[data-testid="standing-row"][data-incident-id="${older.id}"] [data-testid="standing-due"]`)
      .waitFor({ timeout: 30_000 });
    // The reminder check runs every minute in every process; it records the reminder once.
    await until(
      'the review reminder',
      async () => {
        const list = await api<StandingEntryView[]>(operatorToken, 'GET', '/incidents/standing');
        return list.find((e) => e.incident.id === older.id && e.remindedOn === today);
      },
      90_000,
    );
    await desk.page.screenshot({ path: join(ARTIFACTS, 'desk-standing-zh.png') });

    expect({ desk: desk.problems, leader: leader.problems }).toEqual({ desk: [], leader: [] });
  });
});
