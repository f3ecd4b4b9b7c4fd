import { describe, expect, it } from 'vitest';
import { type FormDefinitionInput, formDefinitionSchema } from '../forms/index.ts';
import { cleanFileName, extensionOf, fileAnswersIn, fileFieldAt, nameFitsContent } from './case-attachment.rules.ts';

const label = (nl: string) => ({ nl, fr: nl, en: nl });
const form = formDefinitionSchema.parse({
  product: 'evenement',
  version: 1,
  title: label('Evenement'),
  fields: [
    { id: 'name', type: 'text', label: label('Naam'), maxLength: 100 },
    { id: 'sitePlan', type: 'file', label: label('Plan'), accept: ['application/pdf'], maxFiles: 2 },
    {
      id: 'stands',
      type: 'group',
      label: label('Standen'),
      maxItems: 3,
      fields: [{ id: 'photo', type: 'file', label: label('Foto'), accept: ['image/*'] }],
    },
  ],
} satisfies FormDefinitionInput);

describe('file names against their content', () => {
  it.each([
    ['plan.pdf', 'application/pdf', true],
    ['PLAN.PDF', 'application/pdf', true],
    ['foto.JPEG', 'image/jpeg', true],
    ['foto.jfif', 'image/jpeg', true],
    ['scan', 'application/pdf', true],
    ['plan.pdf', 'image/png', false],
    ['foto.png', 'image/jpeg', false],
    ['factuur.docx', 'application/pdf', false],
    ['c:\\temp\\plan.pdf', 'application/pdf', true],
  ] as const)('%s holding %s fits: %s', (name, type, fits) => {
    expect(nameFitsContent(name, type)).toBe(fits);
  });

  it('reads the extension of the last path segment only', () => {
    expect(extensionOf('map.v2/plan')).toBeNull();
    expect(extensionOf('.bashrc')).toBeNull();
    expect(extensionOf('archief.tar.gz')).toBe('gz');
    expect(extensionOf('punt.')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps a plain name as it is', () => {
    expect(cleanFileName('Inplantingsplan Kerkstraat.pdf', 'application/pdf')).toBe('Inplantingsplan Kerkstraat.pdf');
    expect(cleanFileName('Café-été (2).jpeg', 'image/jpeg')).toBe('Café-été (2).jpeg');
  });

  it('drops folders, control and reserved characters', () => {
    expect(cleanFileName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\an\\scan.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(cleanFileName('a\u0000b\r\n"c"<d>?.png', 'image/png')).toBe('a b c d.png');
    expect(cleanFileName('evil\u202Egnp.pdf', 'application/pdf')).toBe('evil gnp.pdf');
  });

  it('gives a name without an extension the one of its content, and an empty one a name', () => {
    expect(cleanFileName('scan', 'application/pdf')).toBe('scan.pdf');
    expect(cleanFileName('...', 'image/jpeg')).toBe('bestand.jpg');
    expect(cleanFileName('', 'image/png')).toBe('bestand.png');
  });

  it('shortens long names to 100 characters before the extension', () => {
    const cleaned = cleanFileName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect(cleaned).toBe(`${'é'.repeat(100)}.pdf`);
  });
});

describe('file questions in a form', () => {
  it('finds the file question a path points to, in groups too', () => {
    expect(fileFieldAt(form, 'sitePlan')?.accept).toEqual(['application/pdf']);
    expect(fileFieldAt(form, 'stands.2.photo')?.accept).toEqual(['image/*']);
    expect(fileFieldAt(form, 'name')).toBeNull();
    expect(fileFieldAt(form, 'stands')).toBeNull();
    expect(fileFieldAt(form, 'nothing')).toBeNull();
  });

  it('lists every file of the answers with its question', () => {
    const file = (id: string) => ({ name: `${id}.pdf`, size: 1, type: 'application/pdf', id });
    const found = fileAnswersIn(form, { name: 'x', sitePlan: [file('a'), file('b')], stands: [{}, { photo: [file('c')] }] });
    expect(found.map((entry) => [entry.path, entry.index, entry.file.id])).toEqual([
      ['sitePlan', 0, 'a'],
      ['sitePlan', 1, 'b'],
      ['stands.1.photo', 0, 'c'],
    ]);
  });
});
