import { describe, expect, test } from 'vitest';
import { expectAccessible, usePage, visit } from './support/browser.ts';

// The four surfaces of Gastvrij: the residents' portal, the staff workspace, the self-service
// kiosk at the counter and the waiting-room screen. A visitor may open each without signing in;
// the workspace then shows its login page.
const surfaces = [
  { pathname: '/', lands: '/' },
  { pathname: '/werk', lands: '/werk/aanmelden' },
  { pathname: '/kiosk', lands: '/kiosk' },
  { pathname: '/scherm', lands: '/scherm' },
];

// A desktop and the narrowest phone in common use (WCAG 1.4.10 reflow is checked at 320 CSS px
// of a 1280 px page zoomed 400%; 360 px is the real phone the city's residents carry).
describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('a visitor at $width px', (viewport) => {
  const page = usePage(viewport);

  test.each(surfaces)('opens $pathname in Dutch with no accessibility violations', async ({ pathname, lands }) => {
    await visit(page(), pathname);
    await expect.poll(() => new URL(page().url()).pathname).toBe(lands);
    expect(await page().locator('html').getAttribute('lang')).toBe('nl');
    if (lands !== pathname) await expectAccessible(page());
  });
});

describe('the language switch', () => {
  const page = usePage({ width: 1280, height: 800 });

  // Contract with web/: a <nav> holding links named Nederlands, Français and English.
  test.each(['/', '/werk/aanmelden'])('on %s switches to French and stays on the page', async (pathname) => {
    await visit(page(), pathname);
    await page().getByRole('navigation').getByRole('link', { name: 'Français', exact: true }).click();
    await expect.poll(() => page().locator('html').getAttribute('lang')).toBe('fr');
    expect(new URL(page().url()).pathname).toBe(pathname);
    // The French page is held to the same standard, and offers the way back.
    await page().waitForLoadState('networkidle');
    await expect.poll(() => page().getByRole('navigation').getByRole('link', { name: 'Nederlands', exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page());
  });
});
