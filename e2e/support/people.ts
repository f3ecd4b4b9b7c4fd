import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { expectAccessible, openBrowser, screenshotDir, visit, watchPageErrors } from './browser.ts';

/** The path of the page's address, without the query. */
export const pathOf = (page: Page): string => new URL(page.url()).pathname;

/**
 * Registers the hooks of a spec file in which several people each have a browser context of their
 * own (a resident and an employee, say): one browser for the file, the contexts closed after each
 * test, and a full-page screenshot of every person's page in test-results/e2e/ when a test fails,
 * named `<prefix>-<test>-<person>.png`. Returns `person`, which opens a page for someone.
 */
export const registerPeople = (prefix: string) => {
  let browser: Browser | null = null;
  let people: { name: string; page: Page }[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await mkdir(screenshotDir, { recursive: true });
      for (const { name, page } of people) {
        const file = join(screenshotDir, `${prefix}-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true }).then(
          () => console.error(`e2e: screenshot of ${name}: ${file}`),
          () => undefined,
        );
      }
    }
    await Promise.all(people.map(({ page }) => page.context().close()));
    people = [];
  });

  /** A page for one person at this viewport, in Dutch, failing a visit on any script error. */
  const person = async (name: string, viewport: { width: number; height: number }, options: BrowserContextOptions = {}): Promise<Page> => {
    if (!browser) throw new Error('registerPeople(): the browser did not start');
    const context = await browser.newContext({ viewport, locale: 'nl-BE', ...options });
    const page = await context.newPage();
    watchPageErrors(page);
    people.push({ name, page });
    return page;
  };
  return { person };
};

/** Logs in through the embedded demo identity provider, by clicking the person's name on its page (axe checks that page too). */
export const loginThroughProvider = async (page: Page, name: string, landsOn: string | RegExp) => {
  await expect.poll(() => pathOf(page), { timeout: 10_000 }).toMatch(/^\/idp\/interaction\//);
  await expectAccessible(page);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect.poll(() => pathOf(page), { timeout: 15_000 }).toMatch(landsOn);
  await page.waitForLoadState('networkidle');
};

/** Logs a demo staff member in at /werk/aanmelden; they land on the workspace overview. */
export const loginStaff = async (page: Page, name: string) => {
  await visit(page, '/werk/aanmelden');
  await page.getByRole('link', { name: 'Aanmelden als medewerker' }).click();
  await loginThroughProvider(page, name, /^\/werk$/);
  await expectAccessible(page);
};
