import { describe, expect, it } from 'vitest';
import { buildProduct } from '../../../../shared/src/catalog/product.factory.ts';
import { differsFromSaved, errorTarget, fieldLabel, linesToList, normalizeProductDraft } from './catalog-editor.rules.ts';

describe('normalizeProductDraft', () => {
  it('leaves a product that came from the server as it was, so saving it unchanged writes no version', () => {
    const product = buildProduct({
      channels: { online: { available: true, automated24x7: false, url: 'https://www.example.be/' }, counter: { available: false } },
      contactPoint: { email: 'info@example.be' },
      processingTime: { text: { nl: 'Meteen.', fr: 'Immédiatement.', en: 'At once.' }, workingDays: 0 },
    });
    // JSON, as the draft travels: absent and undefined are the same there.
    expect(JSON.parse(JSON.stringify(normalizeProductDraft(product)))).toStrictEqual(JSON.parse(JSON.stringify(product)));
  });

  it('turns what empty form controls give into absent optional fields', () => {
    const draft = normalizeProductDraft({
      channels: {
        online: {
          available: true,
          url: '',
          partnerId: '',
          appointment: '',
          conditions: { nl: '', fr: ' ', en: '' },
          leadTime: { nl: 'Twee weken', fr: '', en: '' },
        },
        phone: undefined,
      },
      processingTime: { text: { nl: 'a', fr: 'b', en: 'c' }, workingDays: Number.NaN },
      costs: [{ label: { nl: 'a', fr: 'b', en: 'c' }, amountEur: Number.NaN, channel: '', example: false }],
      financialAdvantages: [{ label: { nl: 'a', fr: 'b', en: 'c' }, amountEur: Number.NaN, example: false }],
      keywords: { nl: ['eID', '', '  '], fr: [], en: ['id'] },
      exampleNotes: [''],
      contactPoint: { label: { nl: '', fr: '', en: '' }, email: '', phone: '', url: '' },
    });
    expect(JSON.parse(JSON.stringify(draft))).toEqual({
      channels: { online: { available: true, leadTime: { nl: 'Twee weken', fr: '', en: '' } } },
      processingTime: { text: { nl: 'a', fr: 'b', en: 'c' } },
      // A required amount left empty stays NaN (null in JSON) for the schema to refuse.
      costs: [{ label: { nl: 'a', fr: 'b', en: 'c' }, amountEur: null, example: false }],
      financialAdvantages: [{ label: { nl: 'a', fr: 'b', en: 'c' }, example: false }],
      keywords: { nl: ['eID'], fr: [], en: ['id'] },
      exampleNotes: [],
    });
  });
});

describe('differsFromSaved', () => {
  const saved = buildProduct({ channels: { online: { available: true } } });

  it('sees no change in what untouched form controls add (empty text, another key order)', () => {
    const untouched = {
      ...Object.fromEntries(Object.entries(saved).reverse()),
      channels: { online: { available: true, url: '', appointment: '', conditions: { nl: '', fr: '', en: '' } } },
      contactPoint: { email: '', phone: '', url: '', label: { nl: '', fr: '', en: '' } },
    };
    expect(differsFromSaved(untouched, saved)).toBe(false);
  });

  it('sees a changed text', () => {
    expect(differsFromSaved({ ...saved, title: { ...saved.title, nl: 'Anders' } }, saved)).toBe(true);
  });
});

describe('linesToList', () => {
  it('trims lines and drops empty ones', () => {
    expect(linesToList(' eID \n\nid-kaart\n  ')).toEqual(['eID', 'id-kaart']);
  });
});

describe('errorTarget', () => {
  it.each([
    ['title.nl', 'title.nl'],
    ['costs.0.amountEur', 'costs.0.amountEur'],
    ['procedure.root', 'procedure'],
    ['relatedProducts.2', 'relatedProducts'],
    ['themes.0', 'themes'],
    ['keywords.nl.4', 'keywords.nl'],
    ['exampleNotes.1', 'exampleNotes'],
    ['channels', 'channels'],
    ['(root)', 'root'],
    ['root', 'root'],
  ])('%s -> %s', (path, target) => {
    expect(errorTarget(path)).toBe(target);
  });
});

describe('fieldLabel', () => {
  const words: Record<string, string> = {
    'catalogEditor.fields.costs': 'Kosten',
    'catalogEditor.fields.amountEur': 'Bedrag',
    'catalogEditor.fields.title': 'Titel',
    'catalogEditor.fields.channels': 'Kanalen',
    'catalogEditor.fields.conditions': 'Voorwaarden',
    'catalogEditor.languages.nl': 'Nederlands',
    'catalogEditor.channels.online': 'Online',
  };
  const translate = (key: string) => words[key] ?? key;

  it.each([
    ['costs.0.amountEur', 'Kosten 1 › Bedrag'],
    ['title.nl', 'Titel › Nederlands'],
    ['channels.online.conditions.nl', 'Kanalen › Online › Voorwaarden › Nederlands'],
    ['procedure.root', 'catalogEditor.fields.procedure'],
  ])('%s reads "%s"', (path, label) => {
    expect(fieldLabel(path, translate)).toBe(label);
  });
});
