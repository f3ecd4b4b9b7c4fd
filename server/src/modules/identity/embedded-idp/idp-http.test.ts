import { describe, expect, it } from 'vitest';
import { matchInteractionRoute, stripMountPath } from './idp-http.ts';

describe('stripMountPath', () => {
  it.each([
    ['/idp/auth?client_id=x', '/idp', '/auth?client_id=x'],
    ['/idp', '/idp', '/'],
    ['/idp?x=1', '/idp', '/?x=1'],
    ['/idp/', '/idp', '/'],
    ['/idpx/auth', '/idp', null],
    ['/api/idp', '/idp', null],
    ['/auth', '', '/auth'],
  ] as const)('%s under %s', (url, mountPath, expected) => {
    expect(stripMountPath(url, mountPath)).toBe(expected);
  });
});

describe('matchInteractionRoute', () => {
  it('knows the login page, its form target and the cancel link', () => {
    expect(matchInteractionRoute('GET', '/interaction/abc_DEF-123')).toEqual({ uid: 'abc_DEF-123', action: 'show' });
    expect(matchInteractionRoute('HEAD', '/interaction/abc')).toEqual({ uid: 'abc', action: 'show' });
    expect(matchInteractionRoute('POST', '/interaction/abc/login')).toEqual({ uid: 'abc', action: 'login' });
    expect(matchInteractionRoute('GET', '/interaction/abc/abort')).toEqual({ uid: 'abc', action: 'abort' });
  });

  it('leaves everything else to oidc-provider', () => {
    expect(matchInteractionRoute('GET', '/interaction/abc/login')).toBeNull();
    expect(matchInteractionRoute('POST', '/interaction/abc')).toBeNull();
    expect(matchInteractionRoute('GET', '/interaction/a%2Fb')).toBeNull();
    expect(matchInteractionRoute('GET', '/auth/abc')).toBeNull();
    expect(matchInteractionRoute('GET', '/interaction/')).toBeNull();
  });
});
