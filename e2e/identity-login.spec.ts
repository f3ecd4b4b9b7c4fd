import { describe, expect, test } from 'vitest';
import { expectAccessible, usePage, visit } from './support/browser.ts';

// Logging in through the embedded identity provider (the demo's stand-in for ACM/IDM and the city's
// staff login): a resident sees their own data and logs out; a staff member of Burgerzaken sees
// only their own team and tools in the workspace. axe on every page, the provider's pages included.
describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('logging in at $width px', (viewport) => {
  const page = usePage(viewport);

  test('a demo resident logs in on the portal, sees their own data and logs out', async () => {
    const p = page();
    await visit(p, '/aanmelden?returnTo=/mijn-gegevens');
    await p.getByRole('link', { name: 'Aanmelden met eID of itsme' }).click();
    // The demo identity provider lists the demo residents.
    await expect.poll(() => new URL(p.url()).pathname).toMatch(/^\/idp\/interaction\//);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Aanmelden als inwoner');
    expect(await p.locator('html').getAttribute('lang')).toBe('nl');
    await expectAccessible(p);
    await p.getByRole('button', { name: /Pieter Vandenberghe/ }).click();

    await expect.poll(() => new URL(p.url()).pathname, { timeout: 10_000 }).toBe('/mijn-gegevens');
    await p.waitForLoadState('networkidle');
    const main = p.locator('main');
    await expect.poll(() => main.textContent()).toContain('Vandenberghe');
    expect(await main.textContent()).toContain('85.07.30-033.28');
    expect(await main.textContent()).toContain('Marktstraat');
    await expectAccessible(p);

    await p.getByRole('banner').getByRole('button', { name: 'Afmelden' }).click();
    // Logged out at the provider too, then back on the portal as a visitor.
    await expect.poll(() => new URL(p.url()).pathname, { timeout: 10_000 }).toBe('/');
    await p.waitForLoadState('networkidle');
    await expect.poll(() => p.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).count()).toBe(1);
    await visit(p, '/mijn-gegevens');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/aanmelden');
  });

  test('a Burgerzaken employee logs in at /werk and sees only their team and tools', async () => {
    const p = page();
    await visit(p, '/werk/aanmelden');
    await p.getByRole('link', { name: 'Aanmelden als medewerker' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toMatch(/^\/idp\/interaction\//);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Aanmelden als medewerker');
    await expectAccessible(p);
    await p.getByRole('button', { name: /Chloë Vermeulen/ }).click();

    await expect.poll(() => new URL(p.url()).pathname, { timeout: 10_000 }).toBe('/werk');
    await p.waitForLoadState('networkidle');
    const menu = p.getByRole('navigation', { name: 'Werkplek' });
    await expect.poll(() => menu.textContent()).toContain('Burgerzaken');
    const entries = await menu.getByRole('link').allTextContents();
    expect(entries.join(' | ')).not.toMatch(/Omgeving|Openbaar Domein|Welzijn|Medewerkers|Auditlog|Catalogus/);
    expect(entries.join(' | ')).toContain('Personen opzoeken');
    await expectAccessible(p);

    // A tool of another role is not reachable by typing its address either.
    await visit(p, '/werk/medewerkers');
    await p.waitForLoadState('networkidle');
    expect(await p.locator('main').textContent()).toMatch(/Geen toegang/);
  });
});
