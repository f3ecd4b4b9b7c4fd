import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { repoRoot } from './app-process.ts';

/**
 * Debian's Chromium as root on a machine without a network. Without the background-networking
 * flags Chromium keeps trying to reach Google's hosts, which this machine refuses, slowly.
 */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH when set, else Debian's package's /usr/bin/chromium. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The WCAG levels every page is held to (GUIDE: WCAG 2.1 AA). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Starts headless Chromium (playwright-core never downloads a browser of its own). */
export const openBrowser = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumFlags });

/** The app under test, as provided by e2e/global-setup.ts. */
export const baseUrl = () => inject('baseUrl');

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One line per violation and per offending element, readable in a failing test's output. */
export const formatViolations = (violations: AxeResults['violations']) =>
  violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ').trim() ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `- [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');

/**
 * Runs axe on the page as it is now and throws, listing every violation, when there is one.
 * Legacy mode runs axe inside the page itself instead of in an extra blank page per check: a
 * second faster here (2 cores), and Gastvrij's pages embed no cross-origin frames it would miss.
 */
export const expectAccessible = async (page: Page) => {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(axeTags).analyze();
  if (results.violations.length > 0) {
    throw new Error(
      `${results.violations.length} accessibility violation(s) on ${page.url()} at ${page.viewportSize()?.width ?? '?'} px:\n${formatViolations(results.violations)}`,
    );
  }
};

const pageErrors = new WeakMap<Page, string[]>();

/** Records uncaught script errors of a page, so `visit` can fail on them as a resident would notice a broken page. */
export const watchPageErrors = (page: Page) => {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
};

/**
 * Opens `pathname` of the app under test, waits until the network is quiet (the client app has
 * rendered its data), and fails when the answer is not 2xx, when a script threw, or when axe finds
 * a violation. Every page a spec visits goes through here, so none escapes the accessibility check.
 */
export const visit = async (page: Page, pathname: string, options: { axe?: boolean } = {}): Promise<Response | null> => {
  const response = await page.goto(new URL(pathname, baseUrl()).toString(), { waitUntil: 'networkidle' });
  if (response && !response.ok()) throw new Error(`GET ${pathname} answered ${response.status()} ${response.statusText()}`);
  const errors = pageErrors.get(page) ?? [];
  if (errors.length > 0) throw new Error(`script error(s) on ${pathname}:\n${errors.map((e) => `- ${e}`).join('\n')}`);
  if (options.axe !== false) await expectAccessible(page);
  return response;
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);

/** Where failure screenshots go (gitignored). */
export const screenshotDir = path.join(repoRoot, 'test-results', 'e2e');

/**
 * Registers the hooks of a spec file: one browser for the file, a fresh context and page for
 * each test at the given viewport, and a full-page screenshot in test-results/e2e/ when a test
 * fails. Returns a getter for the current page.
 */
export const usePage = (viewport: { width: number; height: number } = { width: 1280, height: 800 }) => {
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let page: Page | null = null;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    context = await browser.newContext({ viewport, locale: 'nl-BE' });
    page = await context.newPage();
    watchPageErrors(page);
  });
  afterEach(async (ctx) => {
    // vitest marks the test failed before afterEach runs, so the page still shows what went wrong.
    if (ctx.task.result?.state === 'fail' && page) {
      await mkdir(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${slug(ctx.task.fullName)}.png`);
      await page.screenshot({ path: file, fullPage: true }).then(
        () => console.error(`e2e: screenshot of the failure: ${path.relative(repoRoot, file)}`),
        (error: Error) => console.error(`e2e: no screenshot: ${error.message}`),
      );
    }
    await context?.close();
    context = null;
    page = null;
  });

  return () => {
    if (!page) throw new Error('usePage(): the page exists only inside a test');
    return page;
  };
};
