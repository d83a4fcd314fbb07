/**
 * The session as a user lives it: signed in, a reload keeps the login (the refresh cookie, no
 * token in web storage); an administrator's revocation brings the open page to the login page with
 * a notice by itself; after an administrator's password reset the user must choose a new password
 * before any view opens. Screenshots of the notice and the change page go to test/e2e/artifacts/.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoginResponse, Role, TemporaryPasswordResponse } from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { baseUrl, launchChromium, newContext, openView, signIn, watchForErrors } from './support/browser';

const ARTIFACTS = join(__dirname, 'artifacts');

// A browser and a real server on a shared machine: generous, not endless.
jest.setTimeout(180_000);

interface Account {
  id: string;
  username: string;
  password: string;
}

/** A password the policy takes: long, mixed, not the user's name, not a published one. */
const strongPassword = () => `Lantern-${randomBytes(4).toString('hex')}-47`;

/**
 * A fresh account of `role` (so no other browser test shares its sessions), with its first
 * password already chosen through the API.
 */
async function newAccount(adminToken: string, role: Role): Promise<Account> {
  const username = `e2e.session.${randomBytes(4).toString('hex')}`;
  const created = await api<TemporaryPasswordResponse>(adminToken, 'POST', '/users', {
    username,
    displayName: '会话测试员',
    role,
  });
  const first = await api<LoginResponse>(null, 'POST', '/auth/login', {
    username,
    password: created.temporaryPassword,
  });
  const password = strongPassword();
  await api(first.accessToken, 'POST', '/auth/password', {
    currentPassword: created.temporaryPassword,
    newPassword: password,
  });
  return { id: created.user.id, username, password };
}

/**
 * Chromium logs every refused request: those the journey provokes on purpose (an ended session's
 * 401s, a weak password's 400) are expected; nothing else may be.
 */
function unexpected(problems: string[], statuses: number[]): string[] {
  return problems.filter((p) => !statuses.some((status) => p.includes(`status of ${status} (`)));
}

/** Records, from the first script of every load, whether a login form was ever on the page. */
async function watchForLoginForm(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = () => {
      if (document.querySelector('input[autocomplete="username"]')) {
        (window as unknown as { sawLoginForm: boolean }).sawLoginForm = true;
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
}

describe('session', () => {
  let browser: Browser;
  let adminToken: string;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    adminToken = await tokenFor('admin');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
  });

  async function open(): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    return { page, context, problems: watchForErrors(page) };
  }

  it('survives a reload, and lands on the login page with a notice when an admin revokes it', async () => {
    const account = await newAccount(adminToken, 'district_operator');
    const { page, context, problems } = await open();
    await signIn(page, account.username, 'desk', account.password);
    await openView(page, 'wall');

    // The refresh token is in an httpOnly, SameSite=Strict cookie for /api/auth only…
    const cookie = (await context.cookies()).find((c) => c.name === 'whistle_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(cookie?.expires).toBe(-1); // a browser-session cookie
    // …and the access token is in memory only, nowhere in web storage.
    const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(storage).not.toMatch(/eyJ/);

    // A wall screen, put full screen as a kiosk would be, reloads: its view comes back without a
    // login form ever showing. The reload leaves full screen (a browser enters it only on a click),
    // so the button to go back is offered again.
    await page.getByTestId('wall-fullscreen').click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await watchForLoginForm(page);
    await page.reload();
    await page.getByTestId('view-wall').waitFor({ timeout: 30_000 });
    await page.getByTestId('wall-fullscreen').waitFor();
    expect(new URL(page.url()).pathname).toBe('/wall');
    expect(await page.evaluate(() => (window as unknown as { sawLoginForm?: boolean }).sawLoginForm)).toBe(
      undefined,
    );
    await page.locator('[data-status="live"]').waitFor({ timeout: 30_000 });

    // An administrator ends every session of the account; nobody touches the page.
    const revokedAt = Date.now();
    await api(adminToken, 'POST', `/users/${account.id}/sessions/revoke`);
    const notice = page.getByTestId('session-ended');
    await notice.waitFor({ timeout: 30_000 });
    const seconds = (Date.now() - revokedAt) / 1000;
    console.log(`revocation → login page with notice: ${seconds.toFixed(1)} s`);
    expect(await notice.textContent()).toBe('会话已结束，请重新登录');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: join(ARTIFACTS, 'session-ended-notice.png') });

    // Signing in again returns to the wall.
    await page.locator('input[autocomplete="username"]').fill(account.username);
    await page.locator('input[autocomplete="current-password"]').fill(account.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('view-wall').waitFor({ timeout: 30_000 });
    expect(unexpected(problems, [401])).toEqual([]);
  });

  it('makes a user whose password an admin reset choose a new one before any view', async () => {
    const account = await newAccount(adminToken, 'district_leader');
    const { page, context, problems } = await open();
    await signIn(page, account.username, 'leaders', account.password);
    await page.locator('[data-status="live"]').waitFor({ timeout: 30_000 });

    // The reset ends the user's sessions: the open cockpit goes to the login page by itself.
    const reset = await api<TemporaryPasswordResponse>(
      adminToken,
      'POST',
      `/users/${account.id}/password-reset`,
      {},
    );
    await page.getByTestId('session-ended').waitFor({ timeout: 30_000 });

    await page.locator('input[autocomplete="username"]').fill(account.username);
    await page.locator('input[autocomplete="current-password"]').fill(reset.temporaryPassword);
    await page.locator('button[type="submit"]').click();
    const form = page.getByTestId('view-password');
    await form.waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/password');
    // A view's address leads back to the change page while it is owed.
    await page.goto(`${baseUrl()}/leaders`);
    await form.waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/password');
    expect(await page.getByTestId('view-leaders').count()).toBe(0);

    // The server's policy refuses a weak password, beside the field.
    await page.locator('#password-currentPassword').fill(reset.temporaryPassword);
    await page.locator('#password-newPassword').fill('abc123');
    await page.locator('#password-repeat').fill('abc123');
    await page.locator('button[type="submit"]').click();
    const newPasswordProblems = page.getByTestId('password-newPassword-problems');
    await newPasswordProblems.waitFor();
    expect(await newPasswordProblems.textContent()).toContain('至少 10 个字符');
    await page.screenshot({ path: join(ARTIFACTS, 'change-password-required.png') });

    const chosen = strongPassword();
    await page.locator('#password-newPassword').fill(chosen);
    await page.locator('#password-repeat').fill(chosen);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('view-leaders').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/leaders');
    await page.locator('[data-status="live"]').waitFor({ timeout: 30_000 });

    // The account menu: signing out ends the session on the server and forgets the cookie.
    await page.getByTestId('user-menu').click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'user-menu.png') });
    await menu.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('input[autocomplete="username"]').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    expect((await context.cookies()).some((c) => c.name === 'whistle_refresh')).toBe(false);

    // The new password is the one that works from now on.
    await expect(
      api<LoginResponse>(null, 'POST', '/auth/login', { username: account.username, password: chosen }),
    ).resolves.toMatchObject({ mustChangePassword: false });
    expect(unexpected(problems, [401, 400])).toEqual([]);
  });
});
