import { describe, expect, it } from 'vitest';
import type { Language } from '../platform/language.ts';
import {
  fillPlaceholders,
  type MessageTemplate,
  messageTemplateFileSchema,
  placeholdersIn,
  renderTemplate,
  type TemplateFacts,
  type TemplatePlaceholder,
  templatePlaceholders,
  templatesFor,
  templateTextIssues,
} from './message-template.rules.ts';

const facts: TemplateFacts = {
  reference: 'HB-2026-000123',
  product: { nl: 'Identiteitskaart', fr: "Carte d'identité", en: 'Identity card' },
  team: { nl: 'Burgerzaken', fr: 'Affaires civiles', en: 'Civil affairs' },
  employee: 'Bart Burgerzaken',
  dueDate: '2027-01-15',
  city: { nl: 'Harelbeke', fr: 'Harelbeke', en: 'Harelbeke' },
};

const text = (nl: string, fr = nl, en = nl) => ({ nl, fr, en });

const template = (id: string, scope?: MessageTemplate['scope']): MessageTemplate => ({
  id,
  title: text(`Titel ${id}`, `Titre ${id}`, `Title ${id}`),
  body: text('Dossier {{reference}}', 'Dossier {{reference}}', 'Case {{reference}}'),
  ...(scope ? { scope } : {}),
});

describe('fillPlaceholders: each placeholder in each language', () => {
  const expected: Record<TemplatePlaceholder, Record<Language, string>> = {
    reference: { nl: 'HB-2026-000123', fr: 'HB-2026-000123', en: 'HB-2026-000123' },
    product: { nl: 'Identiteitskaart', fr: "Carte d'identité", en: 'Identity card' },
    team: { nl: 'Burgerzaken', fr: 'Affaires civiles', en: 'Civil affairs' },
    employee: { nl: 'Bart Burgerzaken', fr: 'Bart Burgerzaken', en: 'Bart Burgerzaken' },
    dueDate: { nl: '15 januari 2027', fr: '15 janvier 2027', en: '15 January 2027' },
    city: { nl: 'Harelbeke', fr: 'Harelbeke', en: 'Harelbeke' },
  };
  const cases = templatePlaceholders.flatMap((name) => (['nl', 'fr', 'en'] as const).map((language) => [name, language, expected[name][language]] as const));
  it.each(cases)('{{%s}} in %s is "%s"', (name, language, value) => {
    expect(fillPlaceholders(`[{{${name}}}]`, facts, language)).toBe(`[${value}]`);
  });

  it('allows spaces inside the braces and fills every occurrence', () => {
    expect(fillPlaceholders('{{ reference }} / {{reference}}', facts, 'nl')).toBe('HB-2026-000123 / HB-2026-000123');
  });

  it('leaves a text without placeholders as it is', () => {
    expect(fillPlaceholders('Met vriendelijke groeten', facts, 'nl')).toBe('Met vriendelijke groeten');
  });
});

describe('templateTextIssues: refused at load', () => {
  it.each([
    ['a Dutch placeholder name', 'Uw dossier {{referentie}}', /unknown placeholder \{\{referentie\}\}/],
    ['the requester’s name (personal data has no placeholder)', 'Beste {{name}}', /unknown placeholder \{\{name\}\}/],
    ['the national register number', '{{nationalNumber}}', /unknown placeholder/],
    ['an empty placeholder', 'Dossier {{}}', /unknown placeholder \{\{\}\}/],
    ['single braces', 'Dossier {reference}', /brace that is not part of a placeholder/],
    ['an unclosed placeholder', 'Dossier {{reference}', /brace that is not part of a placeholder/],
  ])('%s', (_label, input, message) => {
    expect(templateTextIssues(input).join('; ')).toMatch(message);
  });

  it('accepts every known placeholder', () => {
    expect(templateTextIssues(templatePlaceholders.map((name) => `{{${name}}}`).join(' '))).toEqual([]);
  });

  it('lists placeholders in order of appearance', () => {
    expect(placeholdersIn('{{team}} {{ reference }} {{x}}')).toEqual(['team', 'reference', 'x']);
  });
});

describe('messageTemplateFileSchema', () => {
  const valid = { id: 'ontbrekend-document', title: text('Document ontbreekt'), body: text('Voor dossier {{reference}} ontbreekt een document.') };

  it('accepts a complete template in three languages', () => {
    expect(messageTemplateFileSchema.parse({ templates: [valid] }).templates).toHaveLength(1);
  });

  it('names the field of an unknown placeholder in one language', () => {
    const result = messageTemplateFileSchema.safeParse({ templates: [valid, { ...valid, id: 'b', body: { ...valid.body, fr: 'Dossier {{référence}}' } }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['templates.1.body.fr', expect.stringContaining('unknown placeholder {{référence}}')],
    ]);
  });

  it('needs every language and refuses a second template with the same id', () => {
    const missing = messageTemplateFileSchema.safeParse({ templates: [{ ...valid, body: { nl: 'Alleen Nederlands' } }] });
    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['templates.0.body.fr', 'templates.0.body.en']));
    const twice = messageTemplateFileSchema.safeParse({ templates: [valid, valid] });
    expect(twice.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['templates.1.id', 'is already used by template 0']]);
  });

  it('refuses unknown keys (a typo in "scope")', () => {
    expect(messageTemplateFileSchema.safeParse({ templates: [{ ...valid, scopes: { teams: ['burgerzaken'] } }] }).success).toBe(false);
  });
});

describe('templatesFor: scope by product, family and team', () => {
  const all = [
    template('overal'),
    template('eid', { products: ['identiteitskaart', 'kids-id'] }),
    template('attesten', { families: ['certificate'] }),
    template('burgerzaken-vergunning', { teams: ['burgerzaken'], families: ['permit'] }),
  ];
  it.each([
    ['an identity card at Burgerzaken', { product: 'identiteitskaart', family: 'general' as const, team: 'burgerzaken' }, ['overal', 'eid']],
    ['a certificate', { product: 'attest-woonst', family: 'certificate' as const, team: 'burgerzaken' }, ['overal', 'attesten']],
    ['a permit at Burgerzaken', { product: 'evenement', family: 'permit' as const, team: 'burgerzaken' }, ['overal', 'burgerzaken-vergunning']],
    ['a permit elsewhere (every scope must match)', { product: 'evenement', family: 'permit' as const, team: 'evenementen' }, ['overal']],
  ])('%s', (_label, found, ids) => {
    expect(templatesFor(all, found).map((item) => item.id)).toEqual(ids);
  });
});

describe('renderTemplate', () => {
  it('renders title and body in the language asked, the due date written out', () => {
    const rendered = renderTemplate(
      {
        id: 'wacht',
        title: text('Wacht op u', 'En attente', 'Waiting'),
        body: text('Uiterlijk {{dueDate}}.', 'Au plus tard le {{dueDate}}.', 'By {{dueDate}}.'),
      },
      facts,
      'fr',
    );
    expect(rendered).toEqual({ id: 'wacht', language: 'fr', title: 'En attente', text: 'Au plus tard le 15 janvier 2027.' });
  });
});
