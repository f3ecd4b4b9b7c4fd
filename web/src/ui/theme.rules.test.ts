import { describe, expect, it } from 'vitest';
import { logoSource, themeTokens } from './theme.rules.ts';

const theme = {
  primaryColor: '#00566B',
  primaryTextColor: '#FFFFFF',
  accentColor: '#F0A500',
  focusColor: '#1D5C96',
  logo: { svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>Stad & co</text></svg>', alt: { nl: 'Logo' } },
};

describe('themeTokens', () => {
  it('puts the city colours on the design-system tokens', () => {
    const tokens = themeTokens(theme);
    expect(tokens['--utrecht-button-primary-action-background-color']).toBe('#00566B');
    expect(tokens['--utrecht-button-primary-action-color']).toBe('#FFFFFF');
    expect(tokens['--utrecht-focus-outline-color']).toBe('#1D5C96');
    expect(tokens['--gv-color-accent']).toBe('#F0A500');
  });

  it('only sets custom properties', () => {
    expect(Object.keys(themeTokens(theme)).every((name) => /^--(gv|utrecht)-[a-z0-9-]+$/.test(name))).toBe(true);
  });
});

describe('logoSource', () => {
  it('turns inline SVG into an encoded data URL', () => {
    const source = logoSource(theme.logo);
    expect(source).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(decodeURIComponent(source!.split(',')[1]!)).toBe(theme.logo.svg);
  });

  it('uses a path as it is', () => {
    expect(logoSource({ src: '/logo.svg', alt: { nl: 'Logo' } })).toBe('/logo.svg');
  });
});
