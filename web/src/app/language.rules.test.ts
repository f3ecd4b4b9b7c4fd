import { describe, expect, it } from 'vitest';
import { pickLanguage, withLanguageQuery } from './language.rules.ts';

describe('pickLanguage', () => {
  it.each([
    [{}, 'nl'],
    [{ query: 'fr' }, 'fr'],
    [{ query: 'FR' }, 'fr'],
    [{ query: 'de', stored: 'en' }, 'en'],
    [{ query: 'en', stored: 'fr' }, 'en'],
    [{ stored: 'fr' }, 'fr'],
    [{ stored: 'xx' }, 'nl'],
    [{ query: '', stored: '' }, 'nl'],
  ] as const)('%o -> %s', (sources, expected) => {
    expect(pickLanguage(sources)).toBe(expected);
  });

  it('never picks a language the city does not offer', () => {
    expect(pickLanguage({ query: 'en', stored: 'en', supported: ['nl', 'fr'] })).toBe('nl');
  });
});

describe('withLanguageQuery', () => {
  it('sets lang and keeps the other parameters', () => {
    expect(withLanguageQuery('?q=paspoort&lang=nl', 'fr')).toBe('?q=paspoort&lang=fr');
    expect(withLanguageQuery('', 'en')).toBe('?lang=en');
  });
});
