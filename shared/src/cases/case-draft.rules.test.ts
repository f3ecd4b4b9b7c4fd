import { describe, expect, it } from 'vitest';
import { draftCutoff, draftExpired, draftIssues, maxDraftBytes } from './case-draft.rules.ts';

const form = { fields: [{ id: 'question' }, { id: 'children' }, { id: 'location' }] } as unknown as Parameters<typeof draftIssues>[0];

describe('draftIssues', () => {
  it.each([
    ['empty answers', {}, []],
    ['partial, even invalid, answers', { question: '', children: [{ birthDate: 'not yet' }] }, []],
    ['an address in a group item', { children: [{ address: { street: 'Marktstraat', number: '1' } }] }, []],
    ['a key that is not a question', { question: 'x', secret: 'y' }, [{ field: 'answers.secret', code: 'draft-unknown-field' }]],
    ['nesting no form produces', { location: { a: { b: { c: { d: { e: 1 } } } } } }, [{ field: 'answers.location', code: 'draft-too-deep' }]],
    ['more than the size limit', { question: 'x'.repeat(maxDraftBytes) }, [{ field: 'answers', code: 'draft-too-large' }]],
  ])('%s', (_label, answers, expected) => {
    expect(draftIssues(form, answers)).toEqual(expected);
  });

  it('measures the size in UTF-8 bytes, as stored', () => {
    // "é" is two bytes: half the limit in characters is already over it.
    expect(draftIssues(form, { question: 'é'.repeat(maxDraftBytes / 2) })).toEqual([{ field: 'answers', code: 'draft-too-large' }]);
  });
});

describe('draftExpired', () => {
  const saved = new Date('2026-11-01T10:00:00Z');
  it.each([
    ['the same day', '2026-11-01T18:00:00Z', false],
    ['30 days later to the minute', '2026-12-01T10:00:00Z', false],
    ['just over 30 days later', '2026-12-01T10:00:01Z', true],
  ])('%s', (_label, now, expected) => {
    expect(draftExpired(saved, new Date(now))).toBe(expected);
  });

  it('purges what is older than the cutoff', () => {
    expect(draftCutoff(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe(saved.toISOString());
  });
});
