import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import fr from '../web/src/app/locales/fr.json' with { type: 'json' };
import nl from '../web/src/app/locales/nl.json' with { type: 'json' };
import { baseUrl, expectAccessible, usePage, visit } from './support/browser.ts';

// The catalogue editor of the city (Griet, demo staff with the catalogue-editor role) logs in,
// finds the life certificate, makes a mistake the form catches, fixes it, saves, previews,
// unpublishes and publishes, and restores the first version. Every page is held to WCAG 2.1 AA.

const editor = nl.catalogEditor;

// Saving rebuilds the search index in the same transaction: give a busy machine a few seconds.
const soon = { timeout: 10_000 };

/** From a workspace page, through the staff login page and the demo identity provider, back to it. */
const logInAsCatalogueEditor = async (p: Page, pathname: string) => {
  await p.goto(new URL(pathname, baseUrl()).toString(), { waitUntil: 'networkidle' });
  await expect.poll(() => new URL(p.url()).pathname, soon).toBe('/werk/aanmelden');
  await expectAccessible(p);
  await p.getByRole('link', { name: nl.identity.staffLogin.button }).click();
  await p.getByRole('button', { name: /Griet Verstraete/ }).click();
  await expect.poll(() => new URL(p.url()).pathname, soon).toBe(pathname);
  await p.waitForLoadState('networkidle');
};

const publicStatus = async (p: Page, slug: string) =>
  p.evaluate(async (url) => (await fetch(url)).status, new URL(`/api/catalog/products/${slug}`, baseUrl()).toString());

describe.each([
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
])('a catalogue editor at $width px', (viewport) => {
  const page = usePage(viewport);

  test('edits a product with validation, preview, publishing and the version history', async () => {
    const p = page();
    await logInAsCatalogueEditor(p, '/werk/catalogus');
    await expectAccessible(p);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe(editor.list.title);

    // Find the product by a word of its title.
    await p.getByRole('searchbox', { name: editor.list.q }).fill('bewijs van leven');
    await p.getByRole('button', { name: editor.list.filter }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get('q'), soon).toBe('bewijs van leven');
    // By its address: an earlier run that failed half-way may have left another title.
    await p.locator('a[href="/werk/catalogus/attest-leven"]').click();
    await expect.poll(() => new URL(p.url()).pathname, soon).toBe('/werk/catalogus/attest-leven');
    await p.waitForLoadState('networkidle');
    await expectAccessible(p);
    const notice = p.locator('.gv-editor-notice');
    const version = Number((await p.getByRole('row').nth(1).getByRole('cell').first().textContent())?.match(/\d+/)?.[0]);

    // A missing Dutch title: the summary takes focus and leads to the field.
    const title = p.getByRole('group', { name: editor.fields.title }).getByRole('textbox', { name: editor.languages.nl });
    await title.fill('');
    await p.getByRole('button', { name: editor.form.save }).click();
    const summary = p.getByRole('heading', { name: 'Herstel 1 fout om te bewaren' });
    await expect.poll(() => summary.count(), soon).toBe(1);
    await expect.poll(() => p.evaluate(() => document.activeElement?.classList.contains('gv-error-summary'))).toBe(true);
    await expectAccessible(p);
    await p.getByRole('link', { name: /Titel › Nederlands: Vul de Nederlandse tekst in\./ }).click();
    await expect.poll(() => title.evaluate((element) => element === document.activeElement)).toBe(true);

    // Fixed and saved: a new version by Griet, the public page follows.
    await title.fill('Bewijs van leven aanvragen');
    await p.getByRole('button', { name: editor.form.save }).click();
    await expect.poll(() => notice.textContent(), soon).toContain(`Bewaard als versie ${version + 1}.`);
    const newest = p.getByRole('table', { name: editor.history.caption }).getByRole('row').nth(1);
    await expect.poll(() => newest.textContent(), soon).toMatch(/Griet Verstraete.*Gewijzigd: Titel › Nederlands/);

    // The preview shows the unsaved page, in the language asked for.
    await p.getByRole('group', { name: editor.fields.shortAnswer }).getByRole('textbox', { name: editor.languages.nl }).fill('Een nieuw kort antwoord.');
    await p.getByRole('button', { name: editor.preview.refresh }).click();
    const preview = p.locator('.gv-editor-preview__page');
    await expect.poll(() => preview.textContent(), soon).toContain('Een nieuw kort antwoord.');
    await p.getByRole('combobox', { name: editor.preview.language }).selectOption('fr');
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).textContent(), soon).toBe('Certificat de vie');
    // The preview's own headings are French too, while the workspace stays Dutch.
    expect(await preview.getByRole('heading', { level: 2 }).first().textContent()).toBe(fr.catalog.product.howTitle);
    expect(await p.locator('html').getAttribute('lang')).toBe('nl');
    await expectAccessible(p);

    // Unsaved changes block publishing; after saving, unpublish hides the page from residents.
    expect(await p.getByRole('button', { name: editor.edit.unpublish }).isDisabled()).toBe(true);
    await p.getByRole('button', { name: editor.form.save }).click();
    await expect.poll(() => notice.textContent(), soon).toContain(`Bewaard als versie ${version + 2}.`);
    await p.getByRole('button', { name: editor.edit.unpublish }).click();
    await expect.poll(() => notice.textContent(), soon).toContain(editor.notices.unpublished);
    expect(await publicStatus(p, 'attest-leven')).toBe(404);
    await p.getByRole('button', { name: editor.edit.publish }).click();
    await expect.poll(() => notice.textContent(), soon).toContain(editor.notices.published);
    expect(await publicStatus(p, 'attest-leven')).toBe(200);

    // Back to the version before this test: a new version with the old content.
    p.once('dialog', (dialog) => void dialog.accept());
    await p.getByRole('button', { name: `Versie ${version} terugzetten` }).click();
    await expect.poll(() => notice.textContent(), soon).toContain(`Versie ${version} is teruggezet als versie ${version + 5}.`);
    await visit(p, '/producten/attest-leven');
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Bewijs van leven (levensbewijs)');
  });
});

describe('the public product page', () => {
  const page = usePage();

  test('shows the channels that do not serve the product, with why, and describes it for search engines', async () => {
    const p = page();
    await visit(p, '/producten/identiteitskaart');
    const notHere = p.getByRole('list', { name: nl.catalog.product.notAvailableTitle });
    expect(await notHere.textContent()).toContain('Niet online. U moet zelf langskomen voor uw vingerafdrukken en handtekening.');
    const jsonLd = await p.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({ '@type': 'GovernmentService', name: 'Identiteitskaart (eID) aanvragen of vernieuwen' });
  });
});
