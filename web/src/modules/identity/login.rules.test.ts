import { describe, expect, it } from 'vitest';
import en from '../../app/locales/en.json' with { type: 'json' };
import fr from '../../app/locales/fr.json' with { type: 'json' };
import nl from '../../app/locales/nl.json' with { type: 'json' };
import { loginFailureKeys, loginFailureOf, loginFailureSeverity, loginFailures, loginPageHref, oidcLoginHref, safeReturnTo } from './login.rules.ts';

const lookup = (resource: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), resource);

describe('loginFailureOf', () => {
  it.each(loginFailures)('knows %s', (code) => {
    expect(loginFailureOf(code)).toBe(code);
  });

  it.each([null, undefined, '', 'LOGIN-FAILED', 'whatever', '__proto__'])('ignores %s', (value) => {
    expect(loginFailureOf(value)).toBeNull();
  });

  it.each(loginFailures)('%s has a heading and an explanation in Dutch, French and English', (code) => {
    const keys = loginFailureKeys(code);
    for (const resource of [nl, fr, en]) {
      expect(typeof lookup(resource, keys.title)).toBe('string');
      expect(typeof lookup(resource, keys.text)).toBe('string');
    }
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/mijn-gegevens', 'portal', '/mijn-gegevens'],
    ['/producten/identiteitskaart?lang=fr', 'portal', '/producten/identiteitskaart?lang=fr'],
    ['/zoeken?q=a#resultaten', 'portal', '/zoeken?q=a'],
    ['/werk/personen', 'werk', '/werk/personen'],
    ['/werk', 'werk', '/werk'],
  ] as const)('keeps %s on the %s', (value, surface, expected) => {
    expect(safeReturnTo(value, surface)).toBe(expected);
  });

  it.each([
    ['https://evil.example/', 'portal'],
    ['//evil.example/', 'portal'],
    ['/\\evil.example', 'portal'],
    ['mijn-gegevens', 'portal'],
    ['/aanmelden', 'portal'],
    ['/aanmelden/e-mail?token=x', 'portal'],
    ['/auth/login/resident', 'portal'],
    ['/werk/personen', 'portal'],
    ['/mijn-gegevens', 'werk'],
    ['/werkplaats', 'werk'],
    ['/werk/aanmelden?returnTo=/werk', 'werk'],
    [`/${'a'.repeat(500)}`, 'portal'],
    ['', 'portal'],
    [null, 'portal'],
  ] as const)('refuses %s on the %s', (value, surface) => {
    expect(safeReturnTo(value, surface)).toBeUndefined();
  });

  it('does not mistake a page that merely starts with the same letters for a login page', () => {
    expect(safeReturnTo('/aanmeldingen', 'portal')).toBe('/aanmeldingen');
  });
});

describe('loginPageHref', () => {
  it('remembers where the person wanted to go', () => {
    expect(loginPageHref('portal', '/mijn-gegevens')).toBe('/aanmelden?returnTo=%2Fmijn-gegevens');
    expect(loginPageHref('werk', '/werk/audit')).toBe('/werk/aanmelden?returnTo=%2Fwerk%2Faudit');
  });

  it('drops a place it may not return to', () => {
    expect(loginPageHref('portal', '//evil.example')).toBe('/aanmelden');
  });
});

describe('oidcLoginHref', () => {
  it('starts the login at the server with the return address and the language', () => {
    expect(oidcLoginHref('resident', { returnTo: '/mijn-gegevens', language: 'fr' })).toBe('/auth/login/resident?returnTo=%2Fmijn-gegevens&lang=fr');
    expect(oidcLoginHref('staff', { returnTo: '/werk/personen', language: 'nl' })).toBe('/auth/login/staff?returnTo=%2Fwerk%2Fpersonen&lang=nl');
  });

  it('leaves the return address to the server when there is no safe one', () => {
    expect(oidcLoginHref('staff', { returnTo: '/mijn-gegevens', language: 'nl' })).toBe('/auth/login/staff?lang=nl');
  });
});

describe('loginFailureSeverity', () => {
  it('treats stopping on purpose as information, a timeout as a warning and a refusal as an error', () => {
    expect(loginFailureSeverity('login-cancelled')).toBe('info');
    expect(loginFailureSeverity('login-expired')).toBe('warning');
    expect(loginFailureSeverity('not-in-register')).toBe('error');
  });
});
