// `npm test`: runs the vitest projects (unit, integration, e2e) one after the other and closes
// with one line `N passed, N failed, N skipped` over all of them, the line CI reads.
//
//   npm test                              all three tiers
//   npm test -- --project integration     one tier (repeatable: --project unit --project e2e)
//   npm test -- --project unit -- shared  extra arguments after `--` go to vitest
//
// Integration and e2e run on embedded PostgreSQL, or on TEST_DATABASE_URL when it is set (the
// environment passes through to vitest and its global setups unchanged).
//
// Each project runs in its own vitest process so that a crashing global setup of one tier cannot
// hide the results of another, and so that e2e can be skipped alone when no Chromium is installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const projects = ['unit', 'integration', 'e2e'] as const;
type Project = (typeof projects)[number];

/** What one tier contributed to the closing line. */
export type TierCount = { passed: number; failed: number; skipped: number };

/** The part of vitest's JSON report this script reads. */
export type JsonReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
};

/**
 * Counts a vitest JSON report. A test file that failed before any of its tests ran (an import
 * error, a failing beforeAll) has no test results of its own; it counts as one failure so that a
 * broken file can never turn into a green run. So does a vitest that exited non-zero without any
 * failure in its report (a global setup that threw, an unhandled error).
 */
export const countReport = (report: JsonReport | null, exitCode: number): TierCount => {
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  let failed = report.numFailedTests + brokenFiles;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
};

/** The closing line, exactly as CI reads it. */
export const summaryLine = (count: TierCount) => `${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`;

/** Where Chromium is: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium; null when absent. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env): string | null => {
  const candidate = env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
};

const runVitest = (project: Project, reportFile: string, extra: string[]) =>
  new Promise<number>((resolve) => {
    const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const args = [
      vitest,
      'run',
      '--project',
      project,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
      ...extra,
    ];
    // process.execPath: inside npm scripts this is the Node 24 of node_modules/.bin.
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });

const readReport = async (file: string): Promise<JsonReport | null> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JsonReport;
  } catch {
    return null;
  }
};

const main = async () => {
  const { values, positionals } = parseArgs({
    options: { project: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm test [-- --project unit|integration|e2e ...] [-- <vitest arguments>]');
    return 0;
  }
  const chosen = (values.project ?? [...projects]) as Project[];
  for (const project of chosen) {
    if (!projects.includes(project)) {
      console.error(`test: unknown project "${project}"; choose from ${projects.join(', ')}`);
      return 2;
    }
  }

  const outDir = path.join(root, 'test-results');
  await mkdir(outDir, { recursive: true });
  const total: TierCount = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  for (const project of chosen) {
    if (project === 'e2e' && !findChromium()) {
      const where = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
      if (process.env.CI === 'true' || process.env.CI === '1') {
        console.error(`test: e2e cannot run: no Chromium at ${where}. CI must run e2e: install it (apt-get install -y chromium).`);
        total.failed += 1;
        lines.push(`e2e: no Chromium at ${where} (counted as 1 failure because CI is set)`);
      } else {
        console.warn(`test: e2e SKIPPED: no Chromium at ${where}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
        lines.push(`e2e: skipped, no Chromium at ${where}`);
      }
      continue;
    }
    const reportFile = path.join(outDir, `vitest-${project}.json`);
    await rm(reportFile, { force: true });
    const started = Date.now();
    console.log(`\ntest: ── ${project} ─────────────────────────────────────────────`);
    const exitCode = await runVitest(project, reportFile, positionals);
    const count = countReport(await readReport(reportFile), exitCode);
    total.passed += count.passed;
    total.failed += count.failed;
    total.skipped += count.skipped;
    lines.push(`${project}: ${summaryLine(count)} in ${((Date.now() - started) / 1000).toFixed(1)} s (vitest exit ${exitCode})`);
  }
  console.log(`\ntest: ${process.env.TEST_DATABASE_URL ? 'PostgreSQL from TEST_DATABASE_URL' : 'embedded PostgreSQL'}`);
  for (const line of lines) console.log(`test: ${line}`);
  console.log(summaryLine(total));
  return total.failed > 0 ? 1 : 0;
};

// Run only as a script, so that the counting above can be unit-tested by importing this file.
if (import.meta.main) process.exitCode = await main();
