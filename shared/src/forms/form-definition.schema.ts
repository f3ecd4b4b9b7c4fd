import { z } from 'zod';
import { type LocalizedText, localizedTextSchema } from '../city/index.ts';
import type { Language } from '../platform/language.ts';

/**
 * A form definition: the questions of one product's request form, as validated data
 * (`config/forms/<city>/<product>.yaml`). One engine (`form-engine.rules.ts`) shows it on the portal,
 * the kiosk and the staff workspace and checks the answers in the browser and on the server.
 *
 * Field ids are camelCase because they are the keys of the answers and the field names of the web
 * form (`children.1.birthDate`). A definition is refused when it cannot work: duplicate ids, a
 * condition on an unknown or later field, a choice without options, a text without Dutch.
 */

const fieldIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be camelCase: a lower-case letter, then letters and digits');
const optionValueSchema = z.string().regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, 'must be lower-case letters and digits, separated by single hyphens or dots');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/**
 * Shows or requires a field depending on an earlier answer. `equals` and `in` on a multiple choice
 * mean "one of the ticked options is"; `is-yes` needs a yes/no or consent field; `not-empty` is any
 * answer at all (at least one item for a repeatable group).
 */
export const fieldConditionSchema = z.discriminatedUnion('op', [
  z.strictObject({ field: fieldIdSchema, op: z.literal('equals'), value: z.union([z.string(), z.number(), z.boolean()]) }),
  z.strictObject({ field: fieldIdSchema, op: z.literal('in'), values: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.strictObject({ field: fieldIdSchema, op: z.literal('is-yes') }),
  z.strictObject({ field: fieldIdSchema, op: z.literal('not-empty') }),
]);
export type FieldCondition = z.infer<typeof fieldConditionSchema>;

/** Known data the staff or resident view can fill in before the person types (from the register or the login). */
export const prefillSourceSchema = z.enum([
  'resident.fullName',
  'resident.givenName',
  'resident.familyName',
  'resident.birthDate',
  'resident.nationalNumber',
  'resident.address',
  'resident.email',
  'resident.phone',
  'resident.language',
]);
export type PrefillSource = z.infer<typeof prefillSourceSchema>;

const baseField = {
  id: fieldIdSchema,
  label: localizedTextSchema,
  /** Shown under the label: what to fill in and why, in plain language. */
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  visibleIf: fieldConditionSchema.optional(),
  /** Required only when the condition holds (and the field is visible). Not together with `required: true`. */
  requiredIf: fieldConditionSchema.optional(),
  prefill: prefillSourceSchema.optional(),
};

/** An HTML autocomplete token list ("name", "email", "tel"), so browsers and assistive tech can fill in (WCAG 1.3.5). */
const autocompleteSchema = z.string().regex(/^[a-z-]+( [a-z-]+)*$/, 'must be an HTML autocomplete token such as name or email');

export const textFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('text'),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().max(1000).default(200),
  autocomplete: autocompleteSchema.optional(),
});

export const longTextFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('long-text'),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().max(20_000).default(5000),
});

export const numberFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
  /** Shown after the input ("personen", "m²"). */
  unit: localizedTextSchema.optional(),
});

/** A date bound: a fixed date, or `today` (the caller passes today's date in the city's time zone). */
const dateBoundSchema = z.union([z.literal('today'), isoDate]);

export const dateFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('date'),
  notBefore: dateBoundSchema.optional(),
  notAfter: dateBoundSchema.optional(),
});

export const choiceOptionSchema = z.strictObject({ value: optionValueSchema, label: localizedTextSchema, help: localizedTextSchema.optional() });
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

const optionsSchema = z.array(choiceOptionSchema).min(2, 'needs at least two options (a choice without options cannot be answered)');

export const choiceFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('choice'),
  options: optionsSchema,
  /** Radio buttons for a few options, a select for many. */
  display: z.enum(['radio', 'select']).default('radio'),
});

export const multipleChoiceFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('multiple-choice'),
  options: optionsSchema,
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
});

export const yesNoFieldSchema = z.strictObject({ ...baseField, type: z.literal('yes-no') });

export const addressFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('address'),
  /** Only addresses with one of these postcodes are accepted (an address in the city itself). */
  postcodes: z
    .array(z.string().regex(/^[1-9]\d{3}$/, 'must be a Belgian postcode of four digits'))
    .min(1)
    .optional(),
});

export const nationalNumberFieldSchema = z.strictObject({ ...baseField, type: z.literal('national-number') });

export const emailFieldSchema = z.strictObject({ ...baseField, type: z.literal('email'), autocomplete: autocompleteSchema.optional() });

export const phoneFieldSchema = z.strictObject({ ...baseField, type: z.literal('phone'), autocomplete: autocompleteSchema.optional() });

/** The largest upload a form may allow; anything bigger belongs in another channel. */
export const maxUploadBytes = 25 * 1024 * 1024;

export const fileFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('file'),
  /** Per file, in bytes. */
  maxSizeBytes: z
    .number()
    .int()
    .positive()
    .max(maxUploadBytes)
    .default(10 * 1024 * 1024),
  /** Allowed MIME types; `image/*` allows every image type. The server checks the content, not the name. */
  accept: z.array(z.string().regex(/^[a-z]+\/([a-z0-9.+-]+|\*)$/, 'must be a MIME type such as application/pdf or image/*')).min(1),
  maxFiles: z.number().int().positive().max(20).default(1),
});

export const consentFieldSchema = z.strictObject({ ...baseField, type: z.literal('consent') });

const leafFieldSchemas = [
  textFieldSchema,
  longTextFieldSchema,
  numberFieldSchema,
  dateFieldSchema,
  choiceFieldSchema,
  multipleChoiceFieldSchema,
  yesNoFieldSchema,
  addressFieldSchema,
  nationalNumberFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  fileFieldSchema,
  consentFieldSchema,
] as const;

/** Every field that holds one answer (everything but a repeatable group). */
export const leafFieldSchema = z.discriminatedUnion('type', leafFieldSchemas);
export type LeafField = z.infer<typeof leafFieldSchema>;
export type LeafFieldInput = z.input<typeof leafFieldSchema>;

/**
 * A group of fields the person fills in once per item (children, co-organisers). Groups do not nest:
 * a form that needs that is too complicated for a resident.
 */
export const groupFieldSchema = z.strictObject({
  ...baseField,
  type: z.literal('group'),
  fields: z.array(leafFieldSchema).min(1),
  minItems: z.number().int().nonnegative().default(0),
  maxItems: z.number().int().positive().max(50).default(10),
  /** Heading of each item; `{n}` is replaced by its number ("Kind {n}"). */
  itemLabel: localizedTextSchema.optional(),
});

export const formFieldSchema = z.discriminatedUnion('type', [...leafFieldSchemas, groupFieldSchema]);
export type FormField = z.infer<typeof formFieldSchema>;
export type GroupField = z.infer<typeof groupFieldSchema>;
export type FieldType = FormField['type'];
export type FormFieldInput = z.input<typeof formFieldSchema>;

type Located = { field: FormField; path: (string | number)[]; groupId: string | null; order: number };

const conditionFits = (condition: FieldCondition, target: FormField): string | null => {
  const options = 'options' in target ? target.options.map((option) => option.value) : null;
  switch (condition.op) {
    case 'is-yes':
      return target.type === 'yes-no' || target.type === 'consent'
        ? null
        : `uses is-yes on ${target.id}, which is a ${target.type} field, not yes-no or consent`;
    case 'not-empty':
      return null;
    case 'equals':
    case 'in': {
      if (target.type === 'group') return `compares the group ${target.id}; use not-empty`;
      const values = condition.op === 'equals' ? [condition.value] : condition.values;
      if (options) {
        const unknown = values.filter((value) => typeof value !== 'string' || !options.includes(value));
        return unknown.length === 0 ? null : `compares ${target.id} with ${unknown.join(', ')}, which is not one of its options (${options.join(', ')})`;
      }
      const expected = target.type === 'number' ? 'number' : target.type === 'yes-no' || target.type === 'consent' ? 'boolean' : 'string';
      const wrong = values.filter((value) => typeof value !== expected);
      return wrong.length === 0 ? null : `compares ${target.id} (a ${target.type} field) with ${wrong.join(', ')}; use a ${expected}`;
    }
  }
};

const checkDefinition = (fields: FormField[], ctx: z.RefinementCtx) => {
  const byId = new Map<string, Located>();
  let order = 0;
  const locate = (field: FormField, path: (string | number)[], groupId: string | null) => {
    const seen = byId.get(field.id);
    if (seen) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'id'],
        message: `"${field.id}" is already used at ${seen.path.join('.')}; field ids must be unique in the form`,
      });
      return;
    }
    byId.set(field.id, { field, path, groupId, order: order++ });
  };
  fields.forEach((field, index) => {
    locate(field, ['fields', index], null);
    if (field.type === 'group') {
      field.fields.forEach((child, childIndex) => {
        locate(child, ['fields', index, 'fields', childIndex], field.id);
      });
    }
  });

  // Conditions may look back only: at an earlier field of the same group item, or an earlier
  // top-level field. That keeps evaluation one pass in form order and rules out cycles.
  const checkField = (field: FormField, path: (string | number)[], groupId: string | null) => {
    const self = byId.get(field.id);
    if (field.required && field.requiredIf) {
      ctx.addIssue({ code: 'custom', path: [...path, 'requiredIf'], message: 'cannot be combined with required: true; keep one' });
    }
    for (const key of ['visibleIf', 'requiredIf'] as const) {
      const condition = field[key];
      if (!condition || !self) continue;
      const target = byId.get(condition.field);
      const where = [...path, key, 'field'];
      if (!target) {
        ctx.addIssue({ code: 'custom', path: where, message: `points to "${condition.field}", which is not a field of this form` });
        continue;
      }
      if (target.order >= self.order) {
        ctx.addIssue({
          code: 'custom',
          path: where,
          message: `points to "${condition.field}", which is not an earlier field; a condition can only look at answers given before`,
        });
        continue;
      }
      if (target.groupId !== null && target.groupId !== groupId) {
        ctx.addIssue({
          code: 'custom',
          path: where,
          message: `points to "${condition.field}" inside group "${target.groupId}"; only fields of the same group item can use it`,
        });
        continue;
      }
      const misfit = conditionFits(condition, target.field);
      if (misfit) ctx.addIssue({ code: 'custom', path: [...path, key], message: misfit });
    }
    if ('options' in field) {
      const values = field.options.map((option) => option.value);
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index)
          ctx.addIssue({ code: 'custom', path: [...path, 'options', index, 'value'], message: `"${value}" is listed twice` });
      });
    }
    const range = (min: number | undefined, max: number | undefined, minKey: string, maxKey: string) => {
      if (min !== undefined && max !== undefined && min > max)
        ctx.addIssue({ code: 'custom', path: [...path, minKey], message: `is larger than ${maxKey} (${max})` });
    };
    if (field.type === 'text' || field.type === 'long-text') range(field.minLength, field.maxLength, 'minLength', 'maxLength');
    if (field.type === 'number') range(field.min, field.max, 'min', 'max');
    if (field.type === 'multiple-choice') {
      range(field.minItems, field.maxItems, 'minItems', 'maxItems');
      if (field.maxItems !== undefined && field.maxItems > field.options.length) {
        ctx.addIssue({ code: 'custom', path: [...path, 'maxItems'], message: `is more than the ${field.options.length} options` });
      }
    }
    if (field.type === 'date' && field.notBefore && field.notAfter && field.notBefore !== 'today' && field.notAfter !== 'today') {
      range(Date.parse(field.notBefore), Date.parse(field.notAfter), 'notBefore', 'notAfter');
    }
    if (field.type === 'group') {
      range(field.minItems, field.maxItems, 'minItems', 'maxItems');
      field.fields.forEach((child, index) => {
        checkField(child, [...path, 'fields', index], field.id);
      });
    }
  };
  fields.forEach((field, index) => {
    checkField(field, ['fields', index], null);
  });
};

export const formDefinitionSchema = z
  .strictObject({
    /** The catalogue product this form requests (`config/catalog/<city>/<product>.yaml`). */
    product: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a product slug'),
    /** Raised on every change that alters the answers' meaning; stored with each submission. */
    version: z.number().int().positive(),
    title: localizedTextSchema,
    /** A short explanation above the first question. */
    intro: localizedTextSchema.optional(),
    fields: z.array(formFieldSchema).min(1, 'needs at least one field'),
  })
  .superRefine((definition, ctx) => checkDefinition(definition.fields, ctx));
export type FormDefinition = z.output<typeof formDefinitionSchema>;
export type FormDefinitionInput = z.input<typeof formDefinitionSchema>;

/** The text in `lang`, falling back to Dutch (the only language a definition must have). */
export const localize = (text: LocalizedText, lang: Language): string => text[lang] ?? text.nl;

/** Paths of texts that lack one of `languages`, for a check that a city's forms are complete. */
export const missingTranslations = (definition: FormDefinition, languages: readonly Language[]): string[] => {
  const missing: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, `${path}.${index}`);
      });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if ('nl' in value && Object.keys(value).every((key) => key === 'nl' || key === 'fr' || key === 'en')) {
      for (const language of languages) if (!(language in value)) missing.push(`${path}.${language}`);
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
  };
  walk(definition, '');
  return missing;
};
