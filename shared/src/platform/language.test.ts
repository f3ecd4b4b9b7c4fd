import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './language.ts';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['fr-BE,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-GB', 'en'],
    ['de-DE,de;q=0.9', 'nl'],
    ['de, en;q=0.5, fr;q=0.7', 'fr'],
    ['fr;q=0, en', 'en'],
    ['*', 'nl'],
    ['NL-be', 'nl'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('only returns a language the city supports', () => {
    expect(negotiateLanguage('en', ['nl', 'fr'])).toBe('nl');
  });
});
