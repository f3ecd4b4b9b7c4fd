import { describe, expect, it } from 'vitest';
import { chooseIdpLanguage } from './idp-language.rules.ts';

describe('chooseIdpLanguage', () => {
  it.each([
    ['Dutch without any wish', undefined, undefined, 'nl'],
    ['an explicit ?lang= choice', 'fr', 'en', 'fr'],
    ['?lang= in capitals', 'EN', undefined, 'en'],
    ['an unknown ?lang= falls back to ui_locales', 'de', 'en', 'en'],
    ['the first supported ui_locale', null, 'de-DE fr-BE en', 'fr'],
    ['ui_locales with only unsupported languages', null, 'de es', 'nl'],
    ['empty ui_locales', '', '   ', 'nl'],
  ] as const)('%s', (_case, requested, uiLocales, expected) => {
    expect(chooseIdpLanguage(requested, uiLocales)).toBe(expected);
  });
});
