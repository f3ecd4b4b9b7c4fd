import { describe, expect, it } from 'vitest';
import { configTable, formatCheck, nodeVersionSupported, postgresVersionSupported, summarise } from './doctor.rules.ts';

describe('nodeVersionSupported', () => {
  it.each([
    ['20.19.0', false],
    ['22.11.9', false],
    ['22.12.0', true],
    ['v22.12.0', true],
    ['23.0.0', true],
    ['24.21.0', true],
    ['garbage', false],
  ])('%s -> %s', (version, expected) => {
    expect(nodeVersionSupported(version)).toBe(expected);
  });
});

describe('postgresVersionSupported', () => {
  it.each([
    [140012, false],
    [150000, true],
    [180001, true],
  ])('%s -> %s', (version, expected) => {
    expect(postgresVersionSupported(version)).toBe(expected);
  });
});

describe('formatCheck', () => {
  it('puts the fix on the same line', () => {
    expect(formatCheck({ name: 'web build', status: 'fail', detail: 'no web/dist/index.html.', fix: 'run `npm run build`.' })).toBe(
      '✖ web build: no web/dist/index.html. Fix: run `npm run build`.',
    );
  });
  it('keeps a multi-line detail on one line', () => {
    expect(formatCheck({ name: 'smtp', status: 'ok', detail: 'first\n  second' })).toBe('✔ smtp: first second');
  });
});

describe('summarise', () => {
  it('is not ok with one failure; warnings and skips do not count', () => {
    expect(
      summarise([
        { name: 'a', status: 'warn', detail: '' },
        { name: 'b', status: 'skip', detail: '' },
      ]).ok,
    ).toBe(true);
    expect(
      summarise([
        { name: 'a', status: 'ok', detail: '' },
        { name: 'b', status: 'fail', detail: '' },
      ]).ok,
    ).toBe(false);
  });
});

describe('configTable', () => {
  it('lists every setting with its default', () => {
    const table = configTable();
    expect(table).toContain('| `GASTVRIJ_DATA_DIR` | `./data` |');
    expect(table).toContain('| `DATABASE_URL` | (empty) |');
  });
});
