import type { CityResponse } from '../../../shared/src/city/city.contract.ts';

export type CityTheme = CityResponse['theme'];

/**
 * The city's design tokens as CSS custom properties on the document root. The `--gv-*` set feeds
 * the derived tokens in theme.css (hover shades, tints); the `--utrecht-*` ones set the NL Design
 * System components directly. The profile schema already guarantees the contrasts (primary 4.5:1
 * on white, text 4.5:1 on primary, focus 3:1 on white), so the colours can be used as they are.
 */
export const themeTokens = (theme: CityTheme): Record<`--${string}`, string> => ({
  '--gv-color-primary': theme.primaryColor,
  '--gv-color-primary-text': theme.primaryTextColor,
  '--gv-color-accent': theme.accentColor,
  '--gv-color-focus': theme.focusColor,
  '--utrecht-focus-outline-color': theme.focusColor,
  '--utrecht-link-color': theme.primaryColor,
  '--utrecht-heading-color': theme.primaryColor,
  '--utrecht-button-primary-action-background-color': theme.primaryColor,
  '--utrecht-button-primary-action-border-color': theme.primaryColor,
  '--utrecht-button-primary-action-color': theme.primaryTextColor,
  '--utrecht-button-primary-action-hover-color': theme.primaryTextColor,
  '--utrecht-button-primary-action-active-color': theme.primaryTextColor,
  '--utrecht-button-primary-action-focus-color': theme.primaryTextColor,
  '--utrecht-button-secondary-action-color': theme.primaryColor,
  '--utrecht-button-secondary-action-border-color': theme.primaryColor,
  '--utrecht-page-header-background-color': theme.primaryColor,
  '--utrecht-page-header-color': theme.primaryTextColor,
  '--utrecht-page-footer-background-color': theme.primaryColor,
  '--utrecht-page-footer-color': theme.primaryTextColor,
  '--utrecht-textbox-focus-border-color': theme.focusColor,
});

/**
 * Where the logo image comes from. An inline SVG becomes a data: URL shown with <img>: the browser
 * then never runs anything inside it, and the CSP (img-src 'self' data:) allows it.
 */
export const logoSource = (logo: CityTheme['logo']): string | undefined => {
  if (logo.svg) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(logo.svg)}`;
  return logo.src;
};
