import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zodResolver } from '@hookform/resolvers/zod';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeNationalNumber } from '../identity/index.ts';
import { type FormDefinition, type FormField, formDefinitionSchema, type LeafField } from './form-definition.schema.ts';
import { answersSchema, validateAnswers, visibleFields } from './form-engine.rules.ts';

const formsDir = join(import.meta.dirname, '../../../config/forms/harelbeke');
const forms = Object.fromEntries(
  readdirSync(formsDir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const definition = formDefinitionSchema.parse(parse(readFileSync(join(formsDir, name), 'utf8')));
      return [definition.product, definition];
    }),
) as Record<string, FormDefinition>;
const form = (slug: string): FormDefinition => {
  const definition = forms[slug];
  if (!definition) throw new Error(`no form ${slug}`);
  return definition;
};

const label = (nl: string) => ({ nl, fr: `${nl} fr`, en: `${nl} en` });
const today = '2026-11-25';

// Every field type, a group with inner conditions and a condition on a condition.
const kitchenSink = formDefinitionSchema.parse({
  product: 'vraag',
  version: 1,
  title: label('Alles'),
  fields: [
    { id: 'name', type: 'text', label: label('Naam'), required: true, minLength: 2, maxLength: 20 },
    { id: 'story', type: 'long-text', label: label('Verhaal'), maxLength: 50 },
    { id: 'count', type: 'number', label: label('Aantal'), integer: true, min: 1, max: 99 },
    { id: 'amount', type: 'number', label: label('Bedrag'), min: 0 },
    { id: 'when', type: 'date', label: label('Wanneer'), notBefore: 'today', notAfter: '2030-12-31' },
    { id: 'colour', type: 'choice', label: label('Kleur'), required: true, options: ['red', 'green', 'blue'].map((value) => ({ value, label: label(value) })) },
    { id: 'shade', type: 'text', label: label('Tint'), visibleIf: { field: 'colour', op: 'equals', value: 'blue' }, required: true },
    {
      id: 'tones',
      type: 'multiple-choice',
      label: label('Tonen'),
      options: ['a', 'b', 'c'].map((value) => ({ value, label: label(value) })),
      minItems: 1,
      maxItems: 2,
    },
    { id: 'extra', type: 'text', label: label('Extra'), visibleIf: { field: 'tones', op: 'equals', value: 'c' } },
    { id: 'hasPet', type: 'yes-no', label: label('Huisdier'), required: true },
    { id: 'petName', type: 'text', label: label('Naam huisdier'), visibleIf: { field: 'hasPet', op: 'is-yes' }, required: true },
    {
      id: 'petPhoto',
      type: 'file',
      label: label('Foto'),
      visibleIf: { field: 'petName', op: 'not-empty' },
      accept: ['image/*'],
      maxSizeBytes: 1000,
      maxFiles: 2,
    },
    { id: 'home', type: 'address', label: label('Adres'), postcodes: ['8530', '8531'] },
    { id: 'rrn', type: 'national-number', label: label('RRN'), requiredIf: { field: 'colour', op: 'in', values: ['red'] } },
    { id: 'email', type: 'email', label: label('E-mail') },
    { id: 'phone', type: 'phone', label: label('Telefoon'), requiredIf: { field: 'email', op: 'not-empty' } },
    {
      id: 'children',
      type: 'group',
      label: label('Kinderen'),
      minItems: 0,
      maxItems: 3,
      fields: [
        { id: 'childName', type: 'text', label: label('Naam kind'), required: true },
        { id: 'birthDate', type: 'date', label: label('Geboortedatum'), required: true, notAfter: 'today' },
        { id: 'atSchool', type: 'yes-no', label: label('Naar school') },
        { id: 'school', type: 'text', label: label('School'), visibleIf: { field: 'atSchool', op: 'is-yes' }, required: true },
        { id: 'petToo', type: 'text', label: label('Ook huisdier'), visibleIf: { field: 'hasPet', op: 'is-yes' } },
      ],
    },
    { id: 'agree', type: 'consent', label: label('Akkoord'), required: true },
  ],
});

const minimal = { name: 'Ann', colour: 'green', hasPet: false, agree: true };

describe('visibleFields', () => {
  it('shows the contact questions of a general question only when the person wants an answer', () => {
    const paths = (answers: object) => visibleFields(form('vraag'), answers).map((field) => field.path);
    expect(paths({})).toEqual(['question', 'replyBy']);
    expect(paths({ replyBy: 'none' })).toEqual(['question', 'replyBy']);
    expect(paths({ replyBy: 'email' })).toEqual(['question', 'replyBy', 'name', 'email', 'preferredLanguage', 'contactConsent']);
    expect(paths({ replyBy: 'phone' })).toEqual(['question', 'replyBy', 'name', 'phone', 'preferredLanguage', 'contactConsent']);
  });

  it('expands group items and evaluates their conditions per item, and against top-level answers', () => {
    const visible = visibleFields(kitchenSink, { ...minimal, hasPet: true, children: [{ atSchool: true }, { atSchool: false }] });
    expect(visible.map((field) => field.path).filter((path) => path.startsWith('children'))).toEqual([
      'children',
      'children.0.childName',
      'children.0.birthDate',
      'children.0.atSchool',
      'children.0.school',
      'children.0.petToo',
      'children.1.childName',
      'children.1.birthDate',
      'children.1.atSchool',
      'children.1.petToo',
    ]);
  });

  it('hides a field whose condition looks at a hidden field (cascade)', () => {
    // petPhoto depends on petName, which depends on hasPet.
    const paths = (answers: object) => visibleFields(kitchenSink, answers).map((field) => field.path);
    expect(paths({ hasPet: true, petName: 'Rex' })).toContain('petPhoto');
    expect(paths({ hasPet: false, petName: 'Rex' })).not.toContain('petPhoto');
  });

  it('marks requiredIf fields as required only while their condition holds', () => {
    const required = (answers: object) => visibleFields(kitchenSink, answers).find((field) => field.path === 'phone')?.required;
    expect(required({})).toBe(false);
    expect(required({ email: 'ann@example.be' })).toBe(true);
  });
});

describe('validateAnswers', () => {
  it('accepts valid answers and normalises them', () => {
    const result = validateAnswers(
      kitchenSink,
      {
        ...minimal,
        name: '  Ann  ',
        count: '12',
        amount: '12,5',
        when: '2026-12-01',
        colour: 'red',
        rrn: '85.07.30-033.28',
        tones: ['b', 'a', 'a'],
        email: 'ann@example.be',
        phone: '0470 12 34 56',
        home: { street: ' Marktstraat ', number: '29', postcode: '8530', box: '' },
      },
      'nl',
      { today },
    );
    expect(result).toEqual({
      ok: true,
      answers: {
        name: 'Ann',
        count: 12,
        amount: 12.5,
        when: '2026-12-01',
        colour: 'red',
        rrn: '85073003328',
        tones: ['a', 'b'],
        hasPet: false,
        email: 'ann@example.be',
        phone: '+32470123456',
        home: { street: 'Marktstraat', number: '29', postcode: '8530' },
        agree: true,
      },
    });
  });

  it('drops answers to hidden and unknown fields, even invalid ones', () => {
    const result = validateAnswers(form('vraag'), { question: 'Wanneer is het containerpark open?', replyBy: 'none', email: 'not-an-email', hacker: 1 }, 'nl');
    expect(result).toEqual({ ok: true, answers: { question: 'Wanneer is het containerpark open?', replyBy: 'none' } });
  });

  it('names each missing field with a message in the requested language', () => {
    const answers = { replyBy: 'email' };
    expect(validateAnswers(form('vraag'), answers, 'nl')).toMatchObject({
      ok: false,
      errors: [
        { field: 'question', code: 'required', message: 'Vul dit in.' },
        { field: 'email', code: 'required', message: 'Vul dit in.' },
        { field: 'contactConsent', code: 'consent-required', message: 'Vink dit aan om verder te gaan.' },
      ],
    });
    const french = validateAnswers(form('vraag'), answers, 'fr');
    expect(!french.ok && french.errors.map((error) => error.message)).toEqual([
      'Veuillez remplir ce champ.',
      'Veuillez remplir ce champ.',
      'Cochez cette case pour continuer.',
    ]);
    const english = validateAnswers(form('vraag'), answers, 'en');
    expect(!english.ok && english.errors[2]?.message).toBe('Tick this box to continue.');
  });

  it('reports errors inside group items by their dotted path', () => {
    const result = validateAnswers(
      form('afschrift-akte'),
      {
        actType: 'birth',
        copyKind: 'extract',
        relation: 'self',
        persons: [
          { familyName: 'Peeters', givenNames: 'Jan', nationalNumber: '85.07.30-033.29' },
          { givenNames: 'Els', birthDate: '2099-01-01' },
        ],
      },
      'nl',
      { today },
    );
    expect(!result.ok && result.errors).toEqual([
      {
        field: 'persons.0.nationalNumber',
        code: 'national-number-bad-checksum',
        message: 'Dit rijksregisternummer bestaat niet: de laatste 2 cijfers passen niet bij de andere. Kijk na of u zich niet vergist hebt.',
      },
      { field: 'persons.1.familyName', code: 'required', message: 'Vul dit in.' },
      { field: 'persons.1.birthDate', code: 'date-too-late', message: 'Kies een datum tot en met 25 november 2026.' },
    ]);
  });

  it('requires at least one item of a required group and at most maxItems', () => {
    const base = { actType: 'birth', copyKind: 'copy', relation: 'self' };
    const none = validateAnswers(form('afschrift-akte'), { ...base, persons: [] }, 'en');
    expect(!none.ok && none.errors).toEqual([{ field: 'persons', code: 'too-few-items', message: 'Fill in at least 1.' }]);
    const person = { familyName: 'A', givenNames: 'B' };
    const many = validateAnswers(form('afschrift-akte'), { ...base, persons: [person, person, person, person, person] }, 'en');
    expect(!many.ok && many.errors).toEqual([{ field: 'persons', code: 'too-many-items', message: 'Fill in at most 4.' }]);
  });

  it.each([
    [{ count: 'veel' }, 'count', 'not-a-number', 'Vul een getal in.'],
    [{ count: '2.5' }, 'count', 'not-whole-number', 'Vul een geheel getal in, zonder komma.'],
    [{ count: 0 }, 'count', 'too-small', 'Vul een getal in van minstens 1.'],
    [{ count: 100 }, 'count', 'too-large', 'Vul een getal in van hoogstens 99.'],
    [{ name: 'A' }, 'name', 'too-short', 'Gebruik minstens 2 tekens.'],
    [{ story: 'x'.repeat(51) }, 'story', 'too-long', 'Gebruik hoogstens 50 tekens. U typte er 51.'],
    [{ when: '2026-02-30' }, 'when', 'invalid-date', 'Vul een bestaande datum in: dag, maand en jaar.'],
    [{ when: '2026-11-24' }, 'when', 'date-too-early', 'Kies een datum vanaf 25 november 2026.'],
    [{ colour: 'pink' }, 'colour', 'not-an-option', 'Kies een van de mogelijkheden.'],
    [{ colour: 42 }, 'colour', 'wrong-type', 'Dit antwoord kunnen we niet lezen. Vul het opnieuw in.'],
    [{ tones: ['a', 'b', 'c'] }, 'tones', 'too-many-choices', 'Kies er hoogstens 2.'],
    [{ tones: ['d'] }, 'tones', 'not-an-option', 'Kies een van de mogelijkheden.'],
    [{ email: 'ann@' }, 'email', 'invalid-email', 'Vul een e-mailadres in zoals naam@voorbeeld.be.'],
    [{ email: 'a@b.be', phone: '12345' }, 'phone', 'invalid-phone', 'Vul een telefoonnummer in zoals 056 73 33 11, 0470 12 34 56 of +32 470 12 34 56.'],
    [{ email: 'a@b.be' }, 'phone', 'required', 'Vul dit in.'],
    [{ colour: 'red' }, 'rrn', 'required', 'Vul dit in.'],
    [{ rrn: '123' }, 'rrn', 'national-number-wrong-length', 'Een rijksregisternummer heeft 11 cijfers. U typte er 3.'],
    [
      { home: { street: 'Kerkstraat', number: '1', postcode: '8500' } },
      'home.postcode',
      'postcode-not-allowed',
      'Dit adres ligt niet in de stad. Kies een adres met postcode 8530, 8531.',
    ],
    [
      { home: { street: 'Kerkstraat', number: '1', postcode: '853' } },
      'home.postcode',
      'invalid-postcode',
      'Een Belgische postcode heeft 4 cijfers, bijvoorbeeld 8530.',
    ],
    [{ home: { street: 'Kerkstraat', postcode: '8530' } }, 'home.number', 'required', 'Vul dit in.'],
    [{ hasPet: 'maybe' }, 'hasPet', 'wrong-type', 'Dit antwoord kunnen we niet lezen. Vul het opnieuw in.'],
    [{ hasPet: undefined }, 'hasPet', 'choose-one', 'Kies een antwoord.'],
    [{ agree: false }, 'agree', 'consent-required', 'Vink dit aan om verder te gaan.'],
    [{ colour: 'blue' }, 'shade', 'required', 'Vul dit in.'],
  ])('refuses %o at %s with %s', (change, field, code, message) => {
    const result = validateAnswers(kitchenSink, { ...minimal, ...change }, 'nl', { today });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual({ field, code, message });
  });

  it('checks files by declared size, type and count, and wants the upload id (the server sniffs the content)', () => {
    const pet = { ...minimal, hasPet: true, petName: 'Rex' };
    const uploadId = '6f1c2b1e-8d3a-4c5b-9e7f-0a1b2c3d4e5f';
    const photo = (size: number, type: string) => ({ name: 'rex.jpg', size, type, id: uploadId });
    expect(validateAnswers(kitchenSink, { ...pet, petPhoto: [photo(999, 'image/jpeg')] }, 'nl', { today })).toMatchObject({
      ok: true,
      answers: { petPhoto: [{ name: 'rex.jpg', size: 999, type: 'image/jpeg', id: uploadId }] },
    });
    expect(validateAnswers(kitchenSink, { ...pet, petPhoto: photo(10, 'image/png') }, 'nl', { today }).ok).toBe(true);
    const errors = (petPhoto: unknown) => {
      const result = validateAnswers(kitchenSink, { ...pet, petPhoto }, 'nl', { today });
      return result.ok ? [] : result.errors;
    };
    expect(errors([photo(1001, 'image/jpeg')])).toEqual([
      { field: 'petPhoto.0', code: 'file-too-large', message: 'Dit bestand is te groot. Het mag hoogstens 1 kB zijn.' },
    ]);
    expect(errors([photo(10, 'image/jpeg'), photo(10, 'application/pdf')])).toEqual([
      { field: 'petPhoto.1', code: 'file-type-not-allowed', message: 'Dit soort bestand kunnen we niet aannemen. Gebruik een foto.' },
    ]);
    expect(errors([photo(1, 'image/png'), photo(1, 'image/png'), photo(1, 'image/png')])).toEqual([
      { field: 'petPhoto', code: 'too-many-files', message: 'Voeg hoogstens 2 bestanden toe.' },
    ]);
    expect(errors([{ name: 'x' }])).toEqual([{ field: 'petPhoto.0', code: 'wrong-type', message: 'Dit antwoord kunnen we niet lezen. Vul het opnieuw in.' }]);
    // Chosen but still uploading (or the upload failed): the form cannot be sent yet.
    expect(
      errors([
        { name: 'rex.jpg', size: 10, type: 'image/jpeg' },
        { ...photo(10, 'image/jpeg'), id: 'upload-1' },
      ]),
    ).toEqual([
      { field: 'petPhoto.0', code: 'file-not-uploaded', message: 'Dit bestand is nog niet opgeladen. Wacht even, of kies het opnieuw.' },
      { field: 'petPhoto.1', code: 'file-not-uploaded', message: 'Dit bestand is nog niet opgeladen. Wacht even, of kies het opnieuw.' },
    ]);
  });

  it('sends 596.1 criminal record requests through their follow-up questions', () => {
    const result = validateAnswers(form('uittreksel-strafregister'), { model: '596.1', documentLanguage: 'nl' }, 'nl');
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['activity', 'organisation']);
    expect(validateAnswers(form('uittreksel-strafregister'), { model: '595', documentLanguage: 'fr', activity: 'x' }, 'nl')).toEqual({
      ok: true,
      answers: { model: '595', documentLanguage: 'fr' },
    });
  });

  it('asks the music questions of an event only when there is amplified music', () => {
    const event = {
      eventName: 'Buurtfeest Kerkstraat',
      eventType: 'street-party',
      startDate: '2027-06-12',
      hours: '14.00 tot 23.00 uur',
      location: { street: 'Kerkstraat', number: '1', postcode: '8531' },
      onPublicDomain: false,
      expectedVisitors: '150',
      servesAlcohol: true,
      contactName: 'An Peeters',
      email: 'an@example.be',
      phoneDuringEvent: '+32 470 12 34 56',
    };
    expect(validateAnswers(form('evenement'), { ...event, amplifiedMusic: false }, 'nl', { today }).ok).toBe(true);
    const withMusic = validateAnswers(form('evenement'), { ...event, amplifiedMusic: true }, 'nl', { today });
    expect(!withMusic.ok && withMusic.errors.map((error) => error.field)).toEqual(['musicEnd', 'soundLevel', 'unisonoDeclared']);
  });

  it('treats answers that are not an object as no answers at all', () => {
    const result = validateAnswers(form('vraag'), 'hello', 'nl');
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['question', 'replyBy']);
  });
});

describe('answersSchema', () => {
  it('parses to the normalised answers and puts field errors on their paths', () => {
    const schema = answersSchema(form('afschrift-akte'), { lang: 'fr', today });
    expect(schema.parse({ actType: 'death', copyKind: 'copy', relation: 'self', persons: [{ familyName: ' Peeters ', givenNames: 'Jan' }] })).toEqual({
      actType: 'death',
      copyKind: 'copy',
      relation: 'self',
      persons: [{ familyName: 'Peeters', givenNames: 'Jan' }],
    });
    const result = schema.safeParse({ actType: 'death', copyKind: 'copy', relation: 'self', persons: [{ familyName: 'Peeters' }] });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['persons', 0, 'givenNames'], message: 'Veuillez remplir ce champ.', params: { code: 'required' } }),
    ]);
  });

  it('works with react-hook-form’s zod resolver: errors nest by field name', async () => {
    const resolver = zodResolver(answersSchema(form('vraag'), { lang: 'nl' }));
    const invalid = await resolver({ replyBy: 'email', email: 'x' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(invalid.values).toEqual({});
    expect(invalid.errors).toMatchObject({
      question: { message: 'Vul dit in.' },
      email: { message: 'Vul een e-mailadres in zoals naam@voorbeeld.be.' },
      contactConsent: { message: 'Vink dit aan om verder te gaan.' },
    });
    const valid = await resolver({ question: 'Waar parkeer ik?', replyBy: 'none' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(valid).toEqual({ values: { question: 'Waar parkeer ik?', replyBy: 'none' }, errors: {} });
  });
});

// ---- properties -------------------------------------------------------------------------------

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéëçABCDEFGH');
const word = (min: number, max: number) => fc.string({ unit: letters, minLength: min, maxLength: max });

/** A valid answer for a leaf field, whatever its conditions. */
const leafAnswer = (field: LeafField): fc.Arbitrary<unknown> => {
  switch (field.type) {
    case 'text':
    case 'long-text':
      return word(Math.max(field.minLength ?? 1, 1), Math.min(field.maxLength, 40));
    case 'number': {
      const min = field.min ?? -1000;
      const max = field.max ?? 100_000;
      return field.integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'date': {
      const resolve = (bound: string | undefined, fallback: string) => (bound === undefined ? fallback : bound === 'today' ? today : bound);
      const from = new Date(`${resolve(field.notBefore, '1900-01-01')}T00:00:00Z`).getTime();
      const to = new Date(`${resolve(field.notAfter, '2099-12-31')}T00:00:00Z`).getTime();
      return fc.integer({ min: 0, max: Math.floor((to - from) / 86_400_000) }).map((days) => new Date(from + days * 86_400_000).toISOString().slice(0, 10));
    }
    case 'choice':
      return fc.constantFrom(...field.options.map((option) => option.value));
    case 'multiple-choice':
      return fc.subarray(
        field.options.map((option) => option.value),
        { minLength: field.minItems ?? 0, maxLength: field.maxItems ?? field.options.length },
      );
    case 'yes-no':
      return fc.boolean();
    case 'consent':
      return fc.constant(true);
    case 'address':
      return fc.record({
        street: word(3, 20),
        number: fc.integer({ min: 1, max: 300 }).map(String),
        postcode: fc.constantFrom(...(field.postcodes ?? ['8530', '1000'])),
      });
    case 'national-number':
      return fc
        .tuple(fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 998 }))
        .map(([birth, sequence]) => makeNationalNumber({ birthDate: birth.toISOString().slice(0, 10), sequence }));
    case 'email':
      return word(1, 10).map((name) => `${name.replace(/[^a-z]/g, 'x')}@example.be`);
    case 'phone':
      return fc.constantFrom('056 73 33 11', '0470 12 34 56', '+32 470 12 34 56', '0032 56 73 33 11', '+44 20 7946 0958', '+33 1 23 45 67 89');
    case 'file':
      return fc.array(
        fc.record({
          name: word(1, 10).map((name) => `${name}.bin`),
          size: fc.integer({ min: 0, max: field.maxSizeBytes }),
          type: fc.constantFrom(...field.accept.map((type) => (type.endsWith('/*') ? type.replace('*', 'png') : type))),
          id: fc.uuid(),
        }),
        { minLength: 1, maxLength: field.maxFiles },
      );
  }
};

const mustAnswer = (field: FormField) => field.required || field.requiredIf !== undefined;

/** Answers made only of valid values: every field that may be required is answered, others sometimes. */
const validAnswers = (fields: readonly FormField[]): fc.Arbitrary<Record<string, unknown>> => {
  const entries = fields.map((field): [string, fc.Arbitrary<unknown>] => {
    const value =
      field.type === 'group'
        ? fc.array(validAnswers(field.fields), { minLength: Math.max(field.minItems, field.required ? 1 : 0), maxLength: Math.min(field.maxItems, 3) })
        : leafAnswer(field);
    return [field.id, mustAnswer(field) ? value : fc.option(value, { nil: undefined })];
  });
  return fc.record(Object.fromEntries(entries)).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
};

const removeAt = (answers: Record<string, unknown>, path: string): Record<string, unknown> => {
  const copy = structuredClone(answers);
  const segments = path.split('.');
  let target: unknown = copy;
  for (const segment of segments.slice(0, -1)) target = (target as Record<string, unknown>)[segment];
  delete (target as Record<string, unknown>)[segments.at(-1) as string];
  return copy;
};

const definitions: [string, FormDefinition][] = [['kitchen sink', kitchenSink], ...Object.entries(forms)];

describe('properties', () => {
  it.each(definitions)('%s: answers made of the definition’s own valid values always validate', (_, definition) => {
    fc.assert(
      fc.property(validAnswers(definition.fields), fc.constantFrom('nl', 'fr', 'en' as const), (answers, lang) => {
        const result = validateAnswers(definition, answers, lang, { today });
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(definitions)('%s: removing a required visible answer always yields an error naming that field', (_, definition) => {
    fc.assert(
      fc.property(validAnswers(definition.fields), fc.nat(), (answers, pick) => {
        const required = visibleFields(definition, answers).filter((field) => field.required);
        fc.pre(required.length > 0);
        const removed = required[pick % required.length];
        if (!removed) return;
        const result = validateAnswers(definition, removeAt(answers, removed.path), 'nl', { today });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.errors.map((error) => error.field)).toContain(removed.path);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a hidden field’s answer through (kitchen sink)', () => {
    fc.assert(
      fc.property(validAnswers(kitchenSink.fields), (answers) => {
        const result = validateAnswers(kitchenSink, answers, 'nl', { today });
        const visible = new Set(visibleFields(kitchenSink, answers).map((field) => field.path));
        const paths = (value: Record<string, unknown>, prefix = ''): string[] =>
          Object.entries(value).flatMap(([key, child]) =>
            Array.isArray(child) && child.every((item) => typeof item === 'object' && item !== null && !('size' in item))
              ? [`${prefix}${key}`, ...child.flatMap((item, index) => paths(item as Record<string, unknown>, `${prefix}${key}.${index}.`))]
              : [`${prefix}${key}`],
          );
        for (const path of paths(result.answers)) expect(visible.has(path)).toBe(true);
      }),
    );
  });
});
