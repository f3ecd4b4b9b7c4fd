import { describe, expect, test } from 'vitest';
import { expectAccessible, usePage, visit } from './support/browser.ts';

// A resident who is moving finds out how to pass on the new address, first in Dutch and then in
// French, from the portal's home page. Every page on the way is held to WCAG 2.1 AA.
describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('a resident at $width px', (viewport) => {
  const page = usePage(viewport);

  test('searches "ik ga verhuizen", opens the address change and reads it in French', async () => {
    const p = page();
    await visit(p, '/');
    const box = p.getByRole('combobox', { name: 'Wat wilt u regelen?' });
    await box.pressSequentially('ik ga verhuizen');
    // Suggestions as you type, announced politely, chosen with the keyboard.
    const suggestion = p.getByRole('option', { name: 'Verhuizen en adreswijziging doorgeven' });
    await expect.poll(() => suggestion.count(), { timeout: 5_000 }).toBe(1);
    await expectAccessible(p);
    await box.press('Enter');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/zoeken');
    await p.waitForLoadState('networkidle');
    await expectAccessible(p);
    await p.getByRole('link', { name: 'Verhuizen en adreswijziging doorgeven' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe('/producten/adreswijziging');
    await p.waitForLoadState('networkidle');
    await expectAccessible(p);

    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Verhuizen en adreswijziging doorgeven');
    const channels = p.locator('section[aria-labelledby="how"] ol > li h3');
    expect(await channels.first().textContent()).toContain('Online');
    expect(await p.locator('main').textContent()).toMatch(/wijkagent/i);

    await p.getByRole('navigation').getByRole('link', { name: 'Français', exact: true }).click();
    await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe("Déménager et déclarer un changement d'adresse");
    expect(new URL(p.url()).pathname).toBe('/producten/adreswijziging');
    await p.waitForLoadState('networkidle');
    expect(await channels.first().textContent()).toContain('En ligne');
    await expectAccessible(p);
  });

  test('picks a suggestion with the keyboard', async () => {
    const p = page();
    await visit(p, '/');
    const box = p.getByRole('combobox', { name: 'Wat wilt u regelen?' });
    await box.pressSequentially('identiteitskaart');
    await expect.poll(() => box.getAttribute('aria-expanded'), { timeout: 5_000 }).toBe('true');
    await expect.poll(() => p.locator('[aria-live="polite"]').textContent()).toMatch(/\d+ suggesties?/);
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await p.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    const title = await p.locator(`[id="${active}"]`).textContent();
    await box.press('Enter');
    await expect.poll(() => new URL(p.url()).pathname).toMatch(/^\/producten\//);
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await p.waitForLoadState('networkidle');
    await expectAccessible(p);
  });

  test('opens a life event from the home page and finds its products', async () => {
    const p = page();
    await visit(p, '/');
    await p.getByRole('link', { name: 'Ik krijg een kind' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe('/levensgebeurtenis/kind-krijgen');
    await p.waitForLoadState('networkidle');
    await expectAccessible(p);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Ik krijg een kind');
    expect(await p.getByRole('link', { name: 'Geboorte aangeven' }).count()).toBe(1);
  });

  test('reads search results without the suggestions (the form submits to /zoeken)', async () => {
    const p = page();
    await visit(p, '/zoeken?q=identiteitskaart');
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toContain('identiteitskaart');
    expect(await p.locator('.gv-results > li').count()).toBeGreaterThan(0);
    await visit(p, '/zoeken?q=xqzwv');
    expect(await p.getByRole('status').filter({ hasText: 'geen antwoord' }).count()).toBe(1);
  });
});
