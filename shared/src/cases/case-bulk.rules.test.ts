import { describe, expect, it } from 'vitest';
import { type BulkAssignResult, selectableForBulkAssign, summarizeBulkAssign, uniqueCaseIds } from './case-bulk.rules.ts';

describe('uniqueCaseIds', () => {
  it.each([
    [[], []],
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [
      ['a', 'b', 'a', 'c', 'b'],
      ['a', 'b', 'c'],
    ],
  ])('%j → %j (order kept, each once)', (input, expected) => {
    expect(uniqueCaseIds(input)).toEqual(expected);
  });
});

describe('summarizeBulkAssign', () => {
  const assigned = (caseId: string): BulkAssignResult => ({ caseId, result: 'assigned', reference: `HB-2026-${caseId}` });
  const refused = (caseId: string, code: string): BulkAssignResult => ({ caseId, result: 'refused', code, title: code, reference: null });
  it.each([
    ['nothing', [], { assigned: 0, refused: 0, refusedByCode: {} }],
    ['all assigned', [assigned('1'), assigned('2')], { assigned: 2, refused: 0, refusedByCode: {} }],
    [
      'some refused, counted per code',
      [assigned('1'), refused('2', 'case-already-claimed'), refused('3', 'case-not-found'), refused('4', 'case-already-claimed')],
      { assigned: 1, refused: 3, refusedByCode: { 'case-already-claimed': 2, 'case-not-found': 1 } },
    ],
  ])('%s', (_label, results, expected) => {
    expect(summarizeBulkAssign(results)).toEqual(expected);
  });
});

describe('selectableForBulkAssign', () => {
  it.each([
    ['a case of a team I coordinate', { kind: 'team' as const, id: 'burgerzaken' }, ['burgerzaken'], true],
    ['a case of another team', { kind: 'team' as const, id: 'omgeving' }, ['burgerzaken'], false],
    ['a case a partner holds', { kind: 'partner' as const, id: 'burgerzaken' }, ['burgerzaken'], false],
    ['anything, for someone who coordinates nothing', { kind: 'team' as const, id: 'burgerzaken' }, [], false],
  ])('%s', (_label, owner, teams, expected) => {
    expect(selectableForBulkAssign({ owner }, teams)).toBe(expected);
  });
});
