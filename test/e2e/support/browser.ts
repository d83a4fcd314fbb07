import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/** Debian's Chromium; the browser tests fail (they never skip) when it is not installed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // WebGL for MapLibre without a GPU: the software rasteriser, allowed explicitly.
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--no-sandbox',
    ],
  });
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: the e2e global setup did not run');
  return url;
}

export const PASSWORD = 'whistle123';

/**
 * Collects what the page reports as broken: console errors (Content Security Policy violations
 * among them, see newContext) and uncaught exceptions. A test ends with `expect(problems).toEqual([])`.
 */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Signs in through the login page as a new user would, and waits for the role's view. */
export async function signIn(page: Page, username: string, view: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId(`view-${view}`).waitFor({ timeout: 30_000 });
}

/** Goes to a view by its path (one the role may open but does not land on, like the wall). */
export async function openView(page: Page, view: string): Promise<void> {
  await page.goto(`${baseUrl()}/${view}`);
  await page.getByTestId(`view-${view}`).waitFor({ timeout: 30_000 });
}

/** Marks what the CSP watcher logs, so a test can tell a violation from any other console error. */
export const CSP_VIOLATION = 'CSP violation';

/**
 * Every page of the context reports each Content Security Policy violation as a console error,
 * which watchForErrors collects: whatever the server's policy blocks fails the test, even where
 * the browser itself would only have logged it.
 */
function reportCspViolations(marker: string): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(
      `${marker}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
    );
  });
}

/** A zh-CN browser in China time by default; `options` overrides (another timezoneId, say). */
export async function newContext(
  browser: Browser,
  size = { width: 1920, height: 1080 },
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: size,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  await context.addInitScript(reportCspViolations, CSP_VIOLATION);
  return context;
}

/** A person at their screen: the page, and what it has reported broken so far (see watchForErrors). */
export interface SignedInPage {
  page: Page;
  problems: string[];
}

/** One Chromium for a spec; each `open` is another person in a context of their own. */
export interface People {
  /** Signs `username` in, waits for `landing` (their role's view) and then goes on to `view`. */
  open(username: string, view: string, landing?: string): Promise<SignedInPage>;
  /** Closes every person's context, then the browser. */
  close(): Promise<void>;
}

export async function launchPeople(): Promise<People> {
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    async open(username, view, landing = view) {
      const context = await newContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await signIn(page, username, landing);
      if (view !== landing) await openView(page, view);
      return { page, problems };
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
    },
  };
}
