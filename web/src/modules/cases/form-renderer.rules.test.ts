import { describe, expect, it } from 'vitest';
import { answersSchema, formDefinitionSchema, visibleFields } from '../../../../shared/src/forms/index.ts';
import { errorFieldLabel, errorTargetPath, formatFileSize, initialAnswers, knownPersonOf, prefillValue } from './form-renderer.rules.ts';

const label = (nl: string) => ({ nl });

const definition = formDefinitionSchema.parse({
  product: 'test',
  version: 1,
  title: label('Test'),
  fields: [
    { id: 'name', type: 'text', required: true, prefill: 'resident.fullName', label: label('Naam') },
    {
      id: 'language',
      type: 'choice',
      prefill: 'resident.language',
      label: label('Taal'),
      options: [
        { value: 'nl', label: label('Nederlands') },
        { value: 'fr', label: label('Frans') },
      ],
    },
    {
      id: 'kind',
      type: 'choice',
      display: 'select',
      required: true,
      label: label('Soort'),
      options: [
        { value: 'a', label: label('A') },
        { value: 'b', label: label('B') },
      ],
    },
    { id: 'urgent', type: 'yes-no', required: true, label: label('Dringend?') },
    { id: 'why', type: 'long-text', required: true, visibleIf: { field: 'urgent', op: 'is-yes' }, label: label('Waarom?') },
    {
      id: 'extras',
      type: 'multiple-choice',
      label: label('Extra'),
      options: [
        { value: 'x', label: label('X') },
        { value: 'y', label: label('Y') },
      ],
    },
    { id: 'home', type: 'address', prefill: 'resident.address', label: label('Adres') },
    { id: 'photos', type: 'file', accept: ['image/*'], maxFiles: 2, maxSizeBytes: 1000, label: label("Foto's") },
    { id: 'agree', type: 'consent', required: true, label: label('Akkoord') },
    {
      id: 'children',
      type: 'group',
      required: true,
      label: label('Kinderen'),
      fields: [
        { id: 'childName', type: 'text', required: true, label: label('Naam') },
        { id: 'birthDate', type: 'date', label: label('Geboortedatum') },
      ],
    },
  ],
});

const known = knownPersonOf(
  {
    person: { givenName: 'Pieter', familyName: 'Vandenberghe', birthDate: '1985-07-30', nationalNumber: '85073003328' },
    household: { address: { street: 'Marktstraat', houseNumber: '12', box: null, postcode: '8530', subMunicipality: 'Harelbeke' } },
    preferences: { preferredLanguage: 'fr', email: null, phone: '+32470123456' },
  },
  'pieter@example.be',
);

describe('initialAnswers', () => {
  it('gives every field an empty value of its shape and a required group its first item', () => {
    const values = initialAnswers(definition);
    expect(values).toEqual({
      name: '',
      language: '',
      kind: '',
      urgent: '',
      why: '',
      extras: [],
      home: { street: '', number: '', box: '', postcode: '', municipality: '' },
      photos: [],
      agree: false,
      children: [{ childName: '', birthDate: '' }],
    });
  });

  it('fills in what is known: the name, the address from the register, a language that is one of the options', () => {
    const values = initialAnswers(definition, known);
    expect(values.name).toBe('Pieter Vandenberghe');
    expect(values.language).toBe('fr');
    expect(values.home).toEqual({ street: 'Marktstraat', number: '12', box: '', postcode: '8530', municipality: 'Harelbeke' });
  });

  it('leaves a choice empty when the known value is not one of its options', () => {
    expect(initialAnswers(definition, { ...known, language: 'en' }).language).toBe('');
  });

  it('starts with values the shared engine reads as "nothing answered yet"', () => {
    const result = answersSchema(definition).safeParse(initialAnswers(definition));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    // Required fields ask for an answer; the optional address, files and choices say nothing.
    expect(paths).toEqual(['name', 'kind', 'urgent', 'agree', 'children.0.childName']);
  });

  it('keeps answers to hidden questions out: "why" appears only once "urgent" is yes', () => {
    const values = { ...initialAnswers(definition), urgent: 'no', why: 'stale' };
    expect(visibleFields(definition, values).map((field) => field.path)).not.toContain('why');
    expect(visibleFields(definition, { ...values, urgent: 'yes' }).map((field) => field.path)).toContain('why');
  });
});

describe('knownPersonOf', () => {
  it('takes the e-mail of the login when the preferences have none', () => {
    expect(known.email).toBe('pieter@example.be');
    expect(prefillValue('resident.email', known)).toBe('pieter@example.be');
  });

  it('knows nothing of a visitor', () => {
    expect(initialAnswers(definition, knownPersonOf(undefined, null)).name).toBe('');
  });
});

describe('errorTargetPath', () => {
  it.each([
    ['name', 'name'],
    ['kind', 'kind'],
    ['language', 'language.option-0'],
    ['urgent', 'urgent.option-0'],
    ['extras', 'extras.option-0'],
    ['home.postcode', 'home.postcode'],
    ['home', 'home.street'],
    ['photos.1', 'photos'],
    ['agree', 'agree'],
    ['children', 'children.add'],
    ['children.1.birthDate', 'children.1.birthDate'],
    ['unknown.path', 'unknown.path'],
  ])('leads an error at %s to the control %s', (path, target) => {
    expect(errorTargetPath(definition, path)).toBe(target);
  });
});

describe('formatFileSize', () => {
  it('writes megabytes with a decimal comma in Dutch and kilobytes rounded up', () => {
    expect(formatFileSize(2.5 * 1024 * 1024, 'nl-BE')).toBe('2,5 MB');
    expect(formatFileSize(300, 'nl-BE')).toBe('1 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en-GB')).toBe('2.5 MB');
  });
});

describe('errorFieldLabel', () => {
  const words = { item: (n: number) => `Deel ${n}`, addressPart: (part: string) => (part === 'postcode' ? 'Postcode' : part) };
  it('names the question of an error, with the item of a group and the part of an address', () => {
    expect(errorFieldLabel(definition, 'name', 'nl', words)).toBe('Naam');
    expect(errorFieldLabel(definition, 'children.1.birthDate', 'nl', words)).toBe('Deel 2: Geboortedatum');
    expect(errorFieldLabel(definition, 'children', 'nl', words)).toBe('Kinderen');
    expect(errorFieldLabel(definition, 'home.postcode', 'nl', words)).toBe('Adres (Postcode)');
    expect(errorFieldLabel(definition, 'nothing', 'nl', words)).toBeNull();
  });
});
