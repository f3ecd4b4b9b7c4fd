import { describe, expect, it } from 'vitest';
import {
  type FormDefinitionInput,
  type FormFieldInput,
  formDefinitionSchema,
  type LeafFieldInput,
  localize,
  missingTranslations,
} from './form-definition.schema.ts';

const label = (nl: string) => ({ nl, fr: `${nl} (fr)`, en: `${nl} (en)` });
const definition = (fields: FormFieldInput[]): FormDefinitionInput => ({ product: 'vraag', version: 1, title: label('Titel'), fields });
const messagesOf = (fields: FormFieldInput[]) => {
  const result = formDefinitionSchema.safeParse(definition(fields));
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const yesNo = (id: string): LeafFieldInput => ({ id, type: 'yes-no', label: label(id) });
const text = (id: string, extra: Partial<LeafFieldInput> = {}): LeafFieldInput => ({ id, type: 'text', label: label(id), ...extra }) as LeafFieldInput;
const choice = (id: string, values: string[]): LeafFieldInput => ({
  id,
  type: 'choice',
  label: label(id),
  options: values.map((value) => ({ value, label: label(value) })),
});

describe('formDefinitionSchema accepts', () => {
  it('a form with conditions on earlier fields, inside and outside a group, and fills in defaults', () => {
    const parsed = formDefinitionSchema.parse(
      definition([
        yesNo('hasChildren'),
        {
          id: 'children',
          type: 'group',
          label: label('Kinderen'),
          visibleIf: { field: 'hasChildren', op: 'is-yes' },
          fields: [
            choice('school', ['yes', 'no']),
            text('schoolName', { visibleIf: { field: 'school', op: 'equals', value: 'yes' } }),
            text('note', { visibleIf: { field: 'hasChildren', op: 'is-yes' } }),
          ],
        },
        text('remark', { requiredIf: { field: 'children', op: 'not-empty' } }),
      ]),
    );
    expect(parsed.fields[0]).toMatchObject({ required: false });
    expect(parsed.fields[1]).toMatchObject({ minItems: 0, maxItems: 10 });
    expect(parsed.fields[2]).toMatchObject({ maxLength: 200 });
  });
});

describe('formDefinitionSchema refuses', () => {
  it('duplicate field ids, also across a group', () => {
    expect(messagesOf([text('name'), text('name')])).toEqual(['fields.1.id: "name" is already used at fields.0; field ids must be unique in the form']);
    expect(messagesOf([text('name'), { id: 'people', type: 'group', label: label('p'), fields: [text('name')] }])).toEqual([
      'fields.1.fields.0.id: "name" is already used at fields.0; field ids must be unique in the form',
    ]);
  });

  it('a condition on an unknown field', () => {
    expect(messagesOf([text('a', { visibleIf: { field: 'nope', op: 'not-empty' } })])).toEqual([
      'fields.0.visibleIf.field: points to "nope", which is not a field of this form',
    ]);
  });

  it('a condition on a later field or on itself', () => {
    expect(messagesOf([text('a', { visibleIf: { field: 'b', op: 'is-yes' } }), yesNo('b')])).toEqual([
      'fields.0.visibleIf.field: points to "b", which is not an earlier field; a condition can only look at answers given before',
    ]);
    expect(messagesOf([text('a', { requiredIf: { field: 'a', op: 'not-empty' } })])).toEqual([
      'fields.0.requiredIf.field: points to "a", which is not an earlier field; a condition can only look at answers given before',
    ]);
  });

  it('a top-level condition on a field inside a group', () => {
    expect(
      messagesOf([{ id: 'people', type: 'group', label: label('p'), fields: [yesNo('adult')] }, text('a', { visibleIf: { field: 'adult', op: 'is-yes' } })]),
    ).toEqual(['fields.1.visibleIf.field: points to "adult" inside group "people"; only fields of the same group item can use it']);
  });

  it('a choice without options, or with one, or with the same value twice', () => {
    expect(messagesOf([{ id: 'c', type: 'choice', label: label('c'), options: [] }])).toEqual([
      'fields.0.options: needs at least two options (a choice without options cannot be answered)',
    ]);
    expect(messagesOf([choice('c', ['a'])])).toHaveLength(1);
    expect(messagesOf([choice('c', ['a', 'a'])])).toEqual(['fields.0.options.1.value: "a" is listed twice']);
  });

  it('a label without Dutch', () => {
    expect(messagesOf([{ id: 'a', type: 'text', label: { fr: 'Nom', en: 'Name' } } as unknown as FormFieldInput])).toEqual([
      'fields.0.label.nl: Invalid input: expected string, received undefined',
    ]);
  });

  it('conditions that do not fit the field they look at', () => {
    expect(messagesOf([text('a'), text('b', { visibleIf: { field: 'a', op: 'is-yes' } })])).toEqual([
      'fields.1.visibleIf: uses is-yes on a, which is a text field, not yes-no or consent',
    ]);
    expect(messagesOf([choice('c', ['x', 'y']), text('b', { visibleIf: { field: 'c', op: 'equals', value: 'z' } })])).toEqual([
      'fields.1.visibleIf: compares c with z, which is not one of its options (x, y)',
    ]);
    expect(messagesOf([yesNo('y'), text('b', { visibleIf: { field: 'y', op: 'equals', value: 'yes' } })])).toEqual([
      'fields.1.visibleIf: compares y (a yes-no field) with yes; use a boolean',
    ]);
  });

  it('required together with requiredIf, inverted ranges, nested groups and unknown keys', () => {
    expect(messagesOf([yesNo('y'), text('b', { required: true, requiredIf: { field: 'y', op: 'is-yes' } })])).toEqual([
      'fields.1.requiredIf: cannot be combined with required: true; keep one',
    ]);
    expect(messagesOf([text('a', { minLength: 10, maxLength: 5 })])).toEqual(['fields.0.minLength: is larger than maxLength (5)']);
    expect(messagesOf([{ id: 'n', type: 'number', label: label('n'), min: 5, max: 1 }])).toEqual(['fields.0.min: is larger than max (1)']);
    expect(
      messagesOf([
        {
          id: 'g',
          type: 'group',
          label: label('g'),
          fields: [{ id: 'h', type: 'group', label: label('h'), fields: [text('x')] }],
        } as unknown as FormFieldInput,
      ]),
    ).not.toEqual([]);
    expect(messagesOf([text('a', { placeholder: 'x' } as Partial<LeafFieldInput>)])).toEqual(['fields.0: Unrecognized key: "placeholder"']);
  });

  it('a file field without types or with an upload limit above 25 MB', () => {
    expect(messagesOf([{ id: 'f', type: 'file', label: label('f'), accept: [] }])).toHaveLength(1);
    expect(messagesOf([{ id: 'f', type: 'file', label: label('f'), accept: ['image/*'], maxSizeBytes: 100 * 1024 * 1024 }])).toHaveLength(1);
  });
});

describe('localize and missingTranslations', () => {
  it('falls back to Dutch and lists texts without a language', () => {
    expect(localize({ nl: 'Naam' }, 'fr')).toBe('Naam');
    const parsed = formDefinitionSchema.parse(definition([{ id: 'a', type: 'text', label: { nl: 'Naam', fr: 'Nom' } }]));
    expect(missingTranslations(parsed, ['nl', 'fr', 'en'])).toEqual(['fields.0.label.en']);
  });
});
