import { Temporal } from '@js-temporal/polyfill';
import { z } from 'zod';
import { parseNationalNumber } from '../identity/index.ts';
import { writtenDate } from '../platform/dates.ts';
import type { Language } from '../platform/language.ts';
import type { FieldError } from '../platform/problem.ts';
import type { FieldCondition, FormDefinition, FormField, LeafField } from './form-definition.schema.ts';
import { type FormErrorCode, type FormErrorParams, formErrorMessage } from './form-messages.ts';
import { normalizePhoneNumber } from './phone-number.rules.ts';

/**
 * The form engine: which fields are visible for the answers given so far, and whether the answers
 * fit the definition. The same code runs in the browser (through `answersSchema` and the zod
 * resolver of react-hook-form) and on the server, so a person never sees one verdict on screen and
 * another after submitting.
 *
 * Hidden fields are ignored and their answers dropped, so a stale answer to a question the person
 * no longer sees is never stored. Answers are normalised: trimmed text, numbers as numbers,
 * national register numbers as 11 digits, phone numbers in E.164.
 *
 * Files are checked by what the browser declares (size and MIME type) and must carry the id the
 * upload route (`POST /api/uploads`) gave them. The declaration can lie: on submission the server
 * replaces it by what it found in the stored upload (type sniffed from the bytes, images re-encoded).
 */

/** A file as the form knows it: what the browser declared, plus the upload id the server gave it. */
export type FileAnswer = { name: string; size: number; type: string; id?: string };
/** A postal address as typed; `street`, `number` and `postcode` are required, `box` and `municipality` optional. */
export type AddressAnswer = { street: string; number: string; postcode: string; box?: string; municipality?: string };
export type LeafAnswer = string | number | boolean | string[] | AddressAnswer | FileAnswer[];
/** One item of a repeatable group. */
export type GroupItemAnswers = Record<string, LeafAnswer>;
export type AnswerValue = LeafAnswer | GroupItemAnswers[];
/** Validated, normalised answers: only visible fields, keyed by field id. */
export type FormAnswers = Record<string, AnswerValue>;

export type VisibleField = {
  /** Dotted path as react-hook-form names it: `email`, `children`, `children.1.birthDate`. */
  path: string;
  field: FormField;
  /** `required`, or `requiredIf` holding for the current answers. */
  required: boolean;
};

export type ValidateOptions = {
  /**
   * Today's date (YYYY-MM-DD) in the city's time zone, for `notBefore`/`notAfter: today`. The server
   * passes it from its clock; when left out, the date in Europe/Brussels now is used.
   */
  today?: string;
};

export type ValidationResult = { ok: true; answers: FormAnswers } | { ok: false; errors: FieldError[]; answers: FormAnswers };

type Issue = { path: string; code: FormErrorCode; params?: FormErrorParams };

type Scope = { values: Record<string, unknown>; parent?: Scope };

const lookup = (scope: Scope, id: string): unknown => (id in scope.values ? scope.values[id] : scope.parent ? lookup(scope.parent, id) : undefined);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nothing answered: absent, blank text, an empty list or an address with every part blank. */
const isEmpty = (value: unknown): boolean => {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.values(value).every(isEmpty);
  return false;
};

/** Whether a condition holds; a hidden or unanswered field has no value, so only `not-empty` can tell. */
export const conditionHolds = (condition: FieldCondition, value: unknown): boolean => {
  switch (condition.op) {
    case 'equals':
      return Array.isArray(value) ? value.includes(condition.value) : value === condition.value;
    case 'in':
      return Array.isArray(value) ? value.some((item) => condition.values.includes(item)) : condition.values.includes(value as string | number);
    case 'is-yes':
      return value === true;
    case 'not-empty':
      return !isEmpty(value);
  }
};

const brusselsToday = () => Temporal.Now.plainDateISO('Europe/Brussels').toString();

const formatDate = writtenDate;

/** A size limit as residents read it: `10 MB`, `500 kB`. */
export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} kB`);

// Names residents know, for the "use PDF, JPG or PNG" message.
const mimeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'image/webp': 'WEBP',
  'image/*': 'een foto',
};

/** Whether a media type is in a file question's `accept` list (`image/*` allows every image). */
export const mediaTypeAllowed = (type: string, accept: readonly string[]) =>
  accept.some((allowed) => (allowed.endsWith('/*') ? type.startsWith(allowed.slice(0, -1)) : type === allowed));

/** The accepted types as residents name them, for messages: `PDF, JPG, PNG`. */
export const acceptedTypesText = (accept: readonly string[]) => accept.map((type) => mimeNames[type] ?? type).join(', ');

const uploadIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toBoolean = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'yes' || value === 'on') return true;
  if (value === 'false' || value === 'no') return false;
  return undefined;
};

const toNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // Belgians write 12,5; a thousands separator would be ambiguous, so only one comma or dot is read.
  const text = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
};

const realDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** The answer in its normal form for conditions, whether or not it passes validation. */
const coerce = (field: LeafField, raw: unknown): unknown => {
  switch (field.type) {
    case 'number':
      return toNumber(raw);
    case 'yes-no':
    case 'consent':
      return toBoolean(raw);
    case 'text':
    case 'long-text':
    case 'choice':
    case 'email':
    case 'date':
      return typeof raw === 'string' ? raw.trim() : raw;
    default:
      return raw;
  }
};

type LeafCheck = { value?: LeafAnswer; issues: Issue[] };

const checkLeaf = (field: LeafField, raw: unknown, required: boolean, path: string, options: Required<ValidateOptions>, lang: Language): LeafCheck => {
  const issue = (code: FormErrorCode, params?: FormErrorParams, at = path): LeafCheck => ({ issues: [{ path: at, code, ...(params ? { params } : {}) }] });
  const emptyCode: FormErrorCode =
    field.type === 'choice' || field.type === 'yes-no' || field.type === 'multiple-choice'
      ? 'choose-one'
      : field.type === 'file'
        ? 'file-required'
        : field.type === 'consent'
          ? 'consent-required'
          : 'required';
  if (field.type === 'consent') {
    const given = toBoolean(raw);
    if (raw !== undefined && raw !== null && raw !== '' && given === undefined) return issue('wrong-type');
    if (required && given !== true) return issue('consent-required');
    return given === undefined ? { issues: [] } : { value: given, issues: [] };
  }
  if (isEmpty(raw)) return required ? issue(emptyCode) : { issues: [] };

  switch (field.type) {
    case 'text':
    case 'long-text': {
      if (typeof raw !== 'string') return issue('wrong-type');
      const text = raw.trim();
      if (field.minLength !== undefined && text.length < field.minLength) return issue('too-short', { min: field.minLength });
      if (text.length > field.maxLength) return issue('too-long', { max: field.maxLength, typed: text.length });
      return { value: text, issues: [] };
    }
    case 'number': {
      const value = toNumber(raw);
      if (value === undefined) return issue('not-a-number');
      if (field.integer && !Number.isInteger(value)) return issue('not-whole-number');
      if (field.min !== undefined && value < field.min) return issue('too-small', { min: field.min });
      if (field.max !== undefined && value > field.max) return issue('too-large', { max: field.max });
      return { value, issues: [] };
    }
    case 'date': {
      if (typeof raw !== 'string' || !realDate(raw.trim())) return issue('invalid-date');
      const date = raw.trim();
      const bound = (value: string) => (value === 'today' ? options.today : value);
      if (field.notBefore && date < bound(field.notBefore)) return issue('date-too-early', { date: formatDate(bound(field.notBefore), lang) });
      if (field.notAfter && date > bound(field.notAfter)) return issue('date-too-late', { date: formatDate(bound(field.notAfter), lang) });
      return { value: date, issues: [] };
    }
    case 'choice': {
      if (typeof raw !== 'string') return issue('wrong-type');
      const value = raw.trim();
      return field.options.some((option) => option.value === value) ? { value, issues: [] } : issue('not-an-option');
    }
    case 'multiple-choice': {
      const values = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return issue('wrong-type');
      if (!values.every((value) => field.options.some((option) => option.value === value))) return issue('not-an-option');
      const unique = [...new Set(values)];
      if (field.minItems !== undefined && unique.length < field.minItems) return issue('too-few-choices', { min: field.minItems });
      if (field.maxItems !== undefined && unique.length > field.maxItems) return issue('too-many-choices', { max: field.maxItems });
      // Keep the definition's order, so the same choices are stored the same way.
      return { value: field.options.map((option) => option.value).filter((value) => unique.includes(value)), issues: [] };
    }
    case 'yes-no': {
      const value = toBoolean(raw);
      return value === undefined ? issue('wrong-type') : { value, issues: [] };
    }
    case 'email': {
      if (typeof raw !== 'string') return issue('wrong-type');
      const value = raw.trim();
      return z.email().safeParse(value).success ? { value, issues: [] } : issue('invalid-email');
    }
    case 'phone': {
      if (typeof raw !== 'string') return issue('wrong-type');
      const value = normalizePhoneNumber(raw);
      return value === null ? issue('invalid-phone') : { value, issues: [] };
    }
    case 'national-number': {
      if (typeof raw !== 'string') return issue('wrong-type');
      const result = parseNationalNumber(raw);
      return result.ok ? { value: result.value.digits, issues: [] } : issue(`national-number-${result.error}`, { typed: result.typedDigits });
    }
    case 'address': {
      if (!isRecord(raw)) return issue('wrong-type');
      const part = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : '');
      const issues: Issue[] = [];
      for (const key of ['street', 'number', 'postcode'] as const) if (part(key) === '') issues.push({ path: `${path}.${key}`, code: 'required' });
      const postcode = part('postcode');
      if (postcode !== '' && !/^[1-9]\d{3}$/.test(postcode)) issues.push({ path: `${path}.postcode`, code: 'invalid-postcode' });
      else if (postcode !== '' && field.postcodes && !field.postcodes.includes(postcode)) {
        issues.push({ path: `${path}.postcode`, code: 'postcode-not-allowed', params: { list: field.postcodes.join(', ') } });
      }
      if (issues.length > 0) return { issues };
      const value: AddressAnswer = { street: part('street'), number: part('number'), postcode };
      if (part('box') !== '') value.box = part('box');
      if (part('municipality') !== '') value.municipality = part('municipality');
      return { value, issues: [] };
    }
    case 'file': {
      const files = isRecord(raw) ? [raw] : raw;
      if (!Array.isArray(files)) return issue('wrong-type');
      if (files.length > field.maxFiles) return issue('too-many-files', { max: field.maxFiles });
      const issues: Issue[] = [];
      const value: FileAnswer[] = [];
      files.forEach((file, index) => {
        const at = `${path}.${index}`;
        if (!isRecord(file) || typeof file.name !== 'string' || typeof file.size !== 'number' || typeof file.type !== 'string' || file.size < 0) {
          issues.push({ path: at, code: 'wrong-type' });
          return;
        }
        if (file.size > field.maxSizeBytes) issues.push({ path: at, code: 'file-too-large', params: { list: formatBytes(field.maxSizeBytes) } });
        else if (!mediaTypeAllowed(file.type, field.accept)) {
          issues.push({ path: at, code: 'file-type-not-allowed', params: { list: acceptedTypesText(field.accept) } });
        } else if (typeof file.id !== 'string' || !uploadIdPattern.test(file.id)) issues.push({ path: at, code: 'file-not-uploaded' });
        else value.push({ name: file.name, size: file.size, type: file.type, id: file.id.toLowerCase() });
      });
      return issues.length > 0 ? { issues } : { value, issues: [] };
    }
  }
};

type Walk = { visible: VisibleField[]; issues: Issue[]; answers: FormAnswers };

/** One pass in form order: conditions only look back, so every value they read is already settled. */
const walk = (definition: FormDefinition, rawAnswers: unknown, options: Required<ValidateOptions>, lang: Language): Walk => {
  const result: Walk = { visible: [], issues: [], answers: {} };
  const raw = isRecord(rawAnswers) ? rawAnswers : {};
  const top: Scope = { values: {} };

  const visit = (field: FormField, source: Record<string, unknown>, scope: Scope, prefix: string, into: Record<string, AnswerValue>) => {
    if (field.visibleIf && !conditionHolds(field.visibleIf, lookup(scope, field.visibleIf.field))) return;
    const required = field.required || (field.requiredIf !== undefined && conditionHolds(field.requiredIf, lookup(scope, field.requiredIf.field)));
    const path = `${prefix}${field.id}`;
    result.visible.push({ path, field, required });
    const value = source[field.id];

    if (field.type === 'group') {
      const items = Array.isArray(value) ? value : [];
      if (value !== undefined && value !== null && !Array.isArray(value)) result.issues.push({ path, code: 'wrong-type' });
      const min = Math.max(field.minItems, required ? 1 : 0);
      if (items.length < min) result.issues.push({ path, code: 'too-few-items', params: { min } });
      if (items.length > field.maxItems) result.issues.push({ path, code: 'too-many-items', params: { max: field.maxItems } });
      const cleaned: GroupItemAnswers[] = items.map((item, index) => {
        const itemAnswers: Record<string, AnswerValue> = {};
        const itemScope: Scope = { values: {}, parent: scope };
        for (const child of field.fields) visit(child, isRecord(item) ? item : {}, itemScope, `${path}.${index}.`, itemAnswers);
        return itemAnswers as GroupItemAnswers;
      });
      scope.values[field.id] = cleaned;
      if (cleaned.length > 0) into[field.id] = cleaned;
      return;
    }

    scope.values[field.id] = coerce(field, value);
    const checked = checkLeaf(field, value, required, path, options, lang);
    result.issues.push(...checked.issues);
    if (checked.value !== undefined) into[field.id] = checked.value;
  };

  for (const field of definition.fields) visit(field, raw, top, '', result.answers);
  return result;
};

const resolveOptions = (options: ValidateOptions): Required<ValidateOptions> => ({ today: options.today ?? brusselsToday() });

/** The fields a person sees for these answers, in form order, group items expanded (`children.0.name`). */
export const visibleFields = (definition: FormDefinition, answers: unknown): VisibleField[] => walk(definition, answers, resolveOptions({}), 'nl').visible;

/**
 * Checks answers against the definition. Errors name the field by its dotted path and carry a stable
 * code and a message in `lang`; answers to hidden or unknown fields are dropped, the rest normalised.
 */
export const validateAnswers = (definition: FormDefinition, answers: unknown, lang: Language, options: ValidateOptions = {}): ValidationResult => {
  const result = walk(definition, answers, resolveOptions(options), lang);
  if (result.issues.length === 0) return { ok: true, answers: result.answers };
  const errors = result.issues.map(({ path, code, params }) => ({ field: path, code, message: formErrorMessage(code, lang, params) }));
  return { ok: false, errors, answers: result.answers };
};

/**
 * A zod schema for the answers of one definition: for react-hook-form's zod resolver in the browser
 * (errors land on the fields by path) and for the request body on the server. The output is the
 * normalised answers without hidden fields; each issue carries `params.code`.
 */
export const answersSchema = (definition: FormDefinition, options: ValidateOptions & { lang?: Language } = {}) =>
  z.record(z.string(), z.unknown()).transform((answers, ctx): FormAnswers => {
    const result = validateAnswers(definition, answers, options.lang ?? 'nl', options);
    if (result.ok) return result.answers;
    for (const error of result.errors) {
      ctx.addIssue({
        code: 'custom',
        path: error.field.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
        message: error.message,
        params: { code: error.code },
      });
    }
    return z.NEVER;
  });
