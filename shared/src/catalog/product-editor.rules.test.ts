import { describe, expect, it } from 'vitest';
import { parseIfMatch, versionETag } from './catalog-editor.contract.ts';
import { buildProduct } from './product.factory.ts';
import { productSchema } from './product.schema.ts';
import { catalogErrorMap, changedFields, checkProductDefinition, type EditorContext, matchesEditorFilter } from './product-editor.rules.ts';

const valid = buildProduct({
  slug: 'attest-voorbeeld',
  relatedProducts: ['identiteitskaart'],
  costs: [{ label: { nl: 'Aan het loket', fr: 'Au guichet', en: 'At the counter' }, amountEur: 5, example: false }],
  legalBasis: [
    { label: { nl: 'Wet', fr: 'Loi', en: 'Act' }, url: 'https://www.ejustice.just.fgov.be/' },
    { label: { nl: 'Decreet', fr: 'Décret', en: 'Decree' }, url: 'https://codex.vlaanderen.be/' },
  ],
});
const editing: EditorContext = { currentSlug: 'attest-voorbeeld', existingSlugs: ['attest-voorbeeld', 'identiteitskaart', 'reispas'] };
const creating: EditorContext = { existingSlugs: editing.existingSlugs };

const issuesOf = (input: unknown, context: EditorContext = editing) => {
  const result = checkProductDefinition(input, context);
  if (result.ok) throw new Error('expected problems');
  return result.issues;
};

const fieldsOf = (input: unknown, context: EditorContext = editing) => issuesOf(input, context).map((issue) => issue.field);

describe('checkProductDefinition', () => {
  it('accepts a valid product and returns it parsed', () => {
    const result = checkProductDefinition(valid, editing);
    expect(result).toEqual({ ok: true, product: valid });
  });

  it.each([
    ['a missing Dutch title', { ...valid, title: { fr: 'Titre', en: 'Title' } }, 'title.nl', 'Vul de Nederlandse tekst in.'],
    ['an empty Dutch title', { ...valid, title: { ...valid.title, nl: '   ' } }, 'title.nl', 'Vul de Nederlandse tekst in.'],
    ['a negative cost', { ...valid, costs: [{ ...valid.costs[0], amountEur: -5 }] }, 'costs.0.amountEur', expect.stringContaining('niet negatief')],
    ['a cost that is not a number', { ...valid, costs: [{ ...valid.costs[0], amountEur: Number.NaN }] }, 'costs.0.amountEur', 'Vul een getal in.'],
    [
      'a broken URL',
      { ...valid, legalBasis: [valid.legalBasis[0], { ...valid.legalBasis[1], url: 'https//codex' }] },
      'legalBasis.1.url',
      expect.stringContaining('https://'),
    ],
    ['a relative URL', { ...valid, legalBasis: [valid.legalBasis[0], { ...valid.legalBasis[1], url: '/wet' }] }, 'legalBasis.1.url', expect.any(String)],
    [
      'a plain http URL',
      { ...valid, legalBasis: [{ ...valid.legalBasis[0], url: 'http://www.ejustice.just.fgov.be/' }] },
      'legalBasis.0.url',
      expect.any(String),
    ],
    ['a slug with capitals and spaces', { ...valid, slug: 'Attest Voorbeeld' }, 'slug', expect.stringContaining('kleine letters')],
    [
      'a related product that does not exist',
      { ...valid, relatedProducts: ['bestaat-niet'] },
      'relatedProducts.0',
      'De dienst "bestaat-niet" staat niet in de catalogus.',
    ],
    ['a changed slug', { ...valid, slug: 'ander-attest' }, 'slug', expect.stringContaining('blijft "attest-voorbeeld"')],
    ['an unknown field', { ...valid, prijs: 5 }, 'prijs', 'Dit veld kennen we niet.'],
  ])('names the field of %s, in Dutch and in the other languages', (_case, input, field, dutch) => {
    const issue = issuesOf(input).find((item) => item.field === field);
    expect(issue, JSON.stringify(issuesOf(input))).toBeDefined();
    expect(issue?.message.nl).toEqual(dutch);
    expect(issue?.message.fr).toBeTruthy();
    expect(issue?.message.en).toBeTruthy();
    expect(issue?.message.fr).not.toBe(issue?.message.nl);
  });

  it('refuses a slug another product has when creating, and accepts a new one', () => {
    const issue = issuesOf({ ...valid, slug: 'reispas' }, creating).find((item) => item.field === 'slug');
    expect(issue).toMatchObject({ code: 'catalog.duplicate-slug', message: { en: expect.stringContaining('"reispas" already exists') } });
    expect(checkProductDefinition({ ...valid, slug: 'nieuw-attest' }, creating).ok).toBe(true);
  });

  it('reports schema and catalogue problems together, one issue per field and message', () => {
    const input = { ...valid, title: { fr: 'Titre', en: 'Title' }, costs: [{ ...valid.costs[0], amountEur: -1 }], relatedProducts: ['weg'], slug: 'reispas' };
    expect(fieldsOf(input, creating).sort()).toEqual(['costs.0.amountEur', 'relatedProducts.0', 'slug', 'title.nl']);
  });

  it('gives cross-field problems in every language (a published product without any available channel)', () => {
    const issue = issuesOf({ ...valid, channels: { online: { available: false } } }).find((item) => item.field === 'channels');
    expect(issue).toMatchObject({
      code: 'catalog.no-available-channel',
      message: { nl: expect.stringContaining('beschikbaar kanaal'), fr: expect.stringContaining('canal'), en: expect.stringContaining('channel') },
    });
    expect(checkProductDefinition({ ...valid, published: false, channels: { online: { available: false } } }, editing).ok).toBe(true);
  });

  it('refuses a slug longer than 80 characters', () => {
    const slug = `a${'-b'.repeat(45)}`;
    expect(fieldsOf({ ...valid, slug }, creating)).toContain('slug');
  });

  it('answers with a problem, not an exception, for input that is not an object', () => {
    expect(fieldsOf(null)).toEqual(['(root)']);
    expect(fieldsOf('product')).toEqual(['(root)']);
  });
});

describe('catalogErrorMap', () => {
  it('gives zod the message in the asked language, also for cross-field issues', () => {
    const input = { ...valid, title: { ...valid.title, nl: '' }, channels: {} };
    const fr = productSchema.safeParse(input, { error: catalogErrorMap('fr') });
    expect(fr.error?.issues.find((issue) => issue.path.join('.') === 'title.nl')?.message).toBe('Indiquez le texte en néerlandais.');
    const en = productSchema.safeParse({ ...valid, channels: {} }, { error: catalogErrorMap('en') });
    expect(en.error?.issues[0]?.message).toBe('A published product needs at least one available channel.');
  });
});

describe('changedFields', () => {
  it('names what changed, texts per language and channels per channel', () => {
    const next = buildProduct({
      ...valid,
      title: { ...valid.title, fr: 'Autre titre' },
      keywords: { ...valid.keywords, nl: [...valid.keywords.nl, 'nieuw'] },
      channels: { ...valid.channels, phone: { available: false } },
      costs: [{ ...valid.costs[0], amountEur: 7 }] as typeof valid.costs,
      published: false,
    });
    expect(changedFields(valid, next)).toEqual(['published', 'title.fr', 'costs', 'channels.phone', 'keywords.nl']);
  });

  it('is empty for the first version and for an unchanged product, whatever the key order', () => {
    expect(changedFields(undefined, valid)).toEqual([]);
    const reordered = Object.fromEntries(Object.entries(valid).reverse()) as typeof valid;
    expect(changedFields(valid, reordered)).toEqual([]);
  });
});

describe('matchesEditorFilter', () => {
  const item = { slug: 'identiteitskaart', published: false, title: { nl: 'Identiteitskaart', fr: "Carte d'identité", en: 'Identity card' } };
  it.each([
    [{}, true],
    [{ status: 'all' as const }, true],
    [{ status: 'published' as const }, false],
    [{ status: 'unpublished' as const }, true],
    [{ q: 'KAART' }, true],
    [{ q: 'identite' }, true],
    [{ q: 'reispas' }, false],
    [{ q: '  ', status: 'unpublished' as const }, true],
  ])('%j → %s', (filter, expected) => {
    expect(matchesEditorFilter(item, filter)).toBe(expected);
  });
});

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    ['*', undefined],
    ['"abc"', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('round-trips the ETag of a version', () => {
    expect(parseIfMatch(versionETag(42))).toBe(42);
  });
});
