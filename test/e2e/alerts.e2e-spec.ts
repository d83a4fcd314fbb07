/**
 * The habits an operator expects on the duty console, in Chromium against the real server:
 * - a whistle summoning 城管 raises a system notification and a tone at the duty officer's desk
 *   (permission granted in the browser); once the officer mutes alerts, the next one does not;
 * - times read in China time although the browser runs in New York;
 * - the keyboard moves through the inbox, opens and accepts, and `?` lists the shortcuts;
 * - the inbox exports to CSV and Excel, named with the China date;
 * - on the street console, a task sent down notifies the street operator, `/` searches, and the
 *   tasks export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DispatchView } from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { baseUrl, launchChromium, newContext, signIn, watchForErrors } from './support/browser';
import { blowFuzimiaoWhistle, pointInStreet } from './support/whistles';

const ARTIFACTS = join(__dirname, 'artifacts');

jest.setTimeout(180_000);

/** Records what the page asks of the Notification and Web Audio APIs, leaving both working. */
function recordAlerts(): void {
  const w = window as unknown as {
    notes: { title: string; body?: string }[];
    tones: number;
    Notification: typeof Notification;
    AudioContext: typeof AudioContext;
  };
  w.notes = [];
  w.tones = 0;
  const RealNotification = w.Notification;
  function Recorded(title: string, options?: NotificationOptions) {
    w.notes.push({ title, body: options?.body });
    return new RealNotification(title, options);
  }
  Object.defineProperty(Recorded, 'permission', { get: () => RealNotification.permission });
  Object.assign(Recorded, { requestPermission: () => RealNotification.requestPermission() });
  w.Notification = Recorded as unknown as typeof Notification;
  const RealAudio = w.AudioContext;
  w.AudioContext = class extends RealAudio {
    override createOscillator(): OscillatorNode {
      const oscillator = super.createOscillator();
      const start = oscillator.start.bind(oscillator);
      oscillator.start = (when?: number) => {
        w.tones += 1;
        start(when);
      };
      return oscillator;
    }
  };
}

const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** 2026-12-02 16:37, computed here independently of the dashboard's code. */
const chinaDateTime = (iso: string) => CHINA.format(new Date(iso)).replace(', ', ' ');

describe('alerts, keyboard, China time and exports on the duty console', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await newContext(browser, { width: 1600, height: 900 }, { timezoneId: 'America/New_York' });
    await context.grantPermissions(['notifications'], { origin: baseUrl() });
    await context.addInitScript(recordAlerts);
    page = await context.newPage();
    problems = watchForErrors(page);
    await signIn(page, 'dept.chengguan', 'duty');
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  const notes = () =>
    page.evaluate(() => (window as unknown as { notes: { title: string; body?: string }[] }).notes);
  const tones = () => page.evaluate(() => (window as unknown as { tones: number }).tones);

  it('notifies and rings for a new dispatch, and not once the officer muted alerts', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/New_York',
    );
    const toggle = page.getByTestId('alerts-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The officer's first click on the page is the gesture that lets it play sound.
    await page.locator('.split__detail').click();

    const title = `提醒测试：城管 ${Date.now()}`;
    const { dispatchOf } = await blowFuzimiaoWhistle(title, ['chengguan']);
    const row = page.locator(`[data-testid="dispatch-row"][data-dispatch-id="${dispatchOf('chengguan')}"]`);
    await row.waitFor({ timeout: 15_000 });
    // Other journeys share the server and may summon 城管 meanwhile: this test's own notes count.
    await page.waitForFunction(
      (expected) =>
        (window as unknown as { notes: { title: string }[] }).notes.some((n) => n.title === expected),
      `新派单：${title}`,
      { timeout: 15_000 },
    );
    const note = (await notes()).find((n) => n.title === `新派单：${title}`);
    expect(note?.title).toBe(`新派单：${title}`);
    expect(note?.body).toContain('综合执法');
    expect(await tones()).toBeGreaterThan(0);
    expect(await row.getAttribute('class')).toContain('row--fresh');
    await page.getByTestId('alarm-pill').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'duty-alert-zh.png') });

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const rung = await tones();
    const quietTitle = `提醒测试：静音 ${Date.now()}`;
    const quiet = await blowFuzimiaoWhistle(quietTitle, ['chengguan']);
    const quietRow = page.locator(
      `[data-testid="dispatch-row"][data-dispatch-id="${quiet.dispatchOf('chengguan')}"]`,
    );
    await quietRow.waitFor({ timeout: 15_000 });
    // The page still marks it; the desktop and the speaker stay quiet.
    expect(await quietRow.getAttribute('class')).toContain('row--fresh');
    await page.waitForTimeout(1_000);
    expect((await notes()).filter((n) => n.title === `新派单：${quietTitle}`)).toEqual([]);
    expect(await tones()).toBe(rung);
    // Remembered for this user after a reload.
    await page.reload();
    await page.getByTestId('view-duty').waitFor();
    expect(await page.getByTestId('alerts-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('alerts-toggle').click();
    expect(problems).toEqual([]);
  });

  it('moves, opens and accepts with the keyboard, lists the keys on ?, and writes China time', async () => {
    const title = `键盘测试：城管 ${Date.now()}`;
    const { whistle, dispatchOf } = await blowFuzimiaoWhistle(title, ['chengguan']);
    const id = dispatchOf('chengguan');
    const row = page.locator(`[data-testid="dispatch-row"][data-dispatch-id="${id}"]`);
    await row.waitFor({ timeout: 15_000 });

    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('接单');
    await page.screenshot({ path: join(ARTIFACTS, 'shortcuts-sheet-zh.png') });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });

    // j until the keyboard is on the new row, then Enter opens it and a accepts it.
    for (let i = 0; i < 50; i++) {
      if (await row.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('j');
    }
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await row.getAttribute('aria-selected')).toBe('true');
    const detail = page.locator('.split__detail');
    await detail.getByTestId('action-accept').waitFor();

    // The arrival deadline, in China time, though the browser's own clock reads New York (the
    // stage clocks come with the dispatch; the incident's facts may still be loading).
    const dispatch = whistle.dispatches.find((d) => d.id === id);
    const arriveBy = chinaDateTime(dispatch?.arriveBy ?? '');
    expect(arriveBy).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await detail.getByText(arriveBy).first().waitFor({ timeout: 15_000 });

    await detail.locator('[data-testid="action-accept"]:not([disabled])').waitFor();
    await page.keyboard.press('a');
    await detail.getByTestId('action-arrive').waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
  });

  it('exports the inbox to CSV and Excel, named with the China date', async () => {
    await page.getByTestId('tab-history').click();
    const today = chinaDateTime(new Date().toISOString()).slice(0, 10);
    await page.locator('.toolbar').screenshot({ path: join(ARTIFACTS, 'export-buttons-zh.png') });

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dispatch-export-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`派单列表_全部_${today}.csv`);
    const bytes = await readFile((await csv.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('标题,街道,吹哨类型');
    expect(text).toContain('键盘测试：城管');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dispatch-export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`派单列表_全部_${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    const file = await readFile((await xlsx.path()) ?? '');
    await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    const sheet = book.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['标题', '街道']);
    const titles = sheet?.getColumn(1).values.slice(2) ?? [];
    expect(titles.some((v) => typeof v === 'string' && v.startsWith('键盘测试：城管'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('alerts the street console to a task sent down, and / focuses its search', async () => {
    const streetContext = await newContext(
      browser,
      { width: 1600, height: 900 },
      { timezoneId: 'America/New_York' },
    );
    await streetContext.grantPermissions(['notifications'], { origin: baseUrl() });
    await streetContext.addInitScript(recordAlerts);
    try {
      const street = await streetContext.newPage();
      const streetProblems = watchForErrors(street);
      await signIn(street, 'street.fuzimiao', 'street');
      await street.locator('.split__detail').click();

      const officer = await tokenFor('dept.chengguan');
      const streets = await api<{ id: string; code: string }[]>(officer, 'GET', '/streets');
      const fuzimiao = streets.find((x) => x.code === 'fuzimiao');
      const title = `下派测试：噪声 ${Date.now()}`;
      await api<DispatchView>(officer, 'POST', '/dispatches/tasks', {
        streetId: fuzimiao?.id,
        title,
        category: 'noise',
        priority: 'normal',
        location: await pointInStreet(officer, 'fuzimiao'),
      });
      await street.waitForFunction(
        (t) => (window as unknown as { notes: { title: string }[] }).notes.some((n) => n.title.endsWith(t)),
        title,
        {
          timeout: 15_000,
        },
      );
      const notes = await street.evaluate(() => (window as unknown as { notes: { title: string }[] }).notes);
      expect(notes.map((n) => n.title)).toContain(`新派单：${title}`);
      expect(await street.evaluate(() => (window as unknown as { tones: number }).tones)).toBeGreaterThan(0);

      await street.keyboard.press('/');
      expect(await street.evaluate(() => document.activeElement?.classList.contains('filters__q'))).toBe(
        true,
      );
      await street.keyboard.press('Escape');
      await street.locator('body').click({ position: { x: 5, y: 200 } });

      await street.getByTestId('tab-tasks').click();
      const task = street.locator('[data-testid="task-row"]', { hasText: title });
      await task.waitFor();
      expect(await task.getAttribute('class')).toContain('row--fresh');
      await street.screenshot({ path: join(ARTIFACTS, 'street-alert-zh.png') });
      const today = chinaDateTime(new Date().toISOString()).slice(0, 10);
      const [csv] = await Promise.all([
        street.waitForEvent('download'),
        street.getByTestId('task-export-csv').click(),
      ]);
      expect(csv.suggestedFilename()).toBe(`下派任务_${today}.csv`);
      expect((await readFile((await csv.path()) ?? '')).toString('utf8')).toContain(title);
      expect(streetProblems).toEqual([]);
    } finally {
      await streetContext.close();
    }
  });
});
