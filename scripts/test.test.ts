import { describe, expect, test } from 'vitest';
import { countReport, type JsonReport, summaryLine } from './test.ts';

const report = (overrides: Partial<JsonReport>): JsonReport => ({
  numPassedTests: 0,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults: [],
  ...overrides,
});
const file = (status: string, tests: number) => ({ name: 'x.test.ts', status, assertionResults: Array.from({ length: tests }, () => ({})) });

describe('countReport', () => {
  test.each([
    { case: 'a green run', report: report({ numPassedTests: 5, testResults: [file('passed', 5)] }), exit: 0, expected: { passed: 5, failed: 0, skipped: 0 } },
    {
      case: 'failed tests',
      report: report({ numPassedTests: 3, numFailedTests: 2, testResults: [file('failed', 5)] }),
      exit: 1,
      expected: { passed: 3, failed: 2, skipped: 0 },
    },
    {
      case: 'skipped and todo tests',
      report: report({ numPassedTests: 1, numPendingTests: 2, numTodoTests: 1 }),
      exit: 0,
      expected: { passed: 1, failed: 0, skipped: 3 },
    },
    {
      case: 'a file that failed to import counts as one failure',
      report: report({ numPassedTests: 4, testResults: [file('passed', 4), file('failed', 0)] }),
      exit: 1,
      expected: { passed: 4, failed: 1, skipped: 0 },
    },
    { case: 'a non-zero exit with no failure in the report (global setup threw)', report: report({}), exit: 1, expected: { passed: 0, failed: 1, skipped: 0 } },
    { case: 'no report at all', report: null, exit: 1, expected: { passed: 0, failed: 1, skipped: 0 } },
    { case: 'an empty tier', report: report({}), exit: 0, expected: { passed: 0, failed: 0, skipped: 0 } },
  ])('$case', ({ report, exit, expected }) => {
    expect(countReport(report, exit)).toEqual(expected);
  });
});

test('the closing line is the one CI reads', () => {
  expect(summaryLine({ passed: 12, failed: 1, skipped: 2 })).toBe('12 passed, 1 failed, 2 skipped');
  expect(summaryLine({ passed: 12, failed: 1, skipped: 2 })).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
});
