import {
  type FileAnswer,
  type FormDefinition,
  type FormField,
  type GroupField,
  type LeafField,
  localize,
  type PrefillSource,
} from '../../../../shared/src/forms/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';

/**
 * What the form renderer keeps per field while the person types, and how it turns that into the
 * answers the shared form engine checks. The engine itself (visibleFields, answersSchema) is the
 * one judge: these rules only give every field an empty value of the right shape, fill in what is
 * already known, and name the control an error message leads to.
 */

/** An address while it is typed: every part a string, so the inputs stay controlled. */
export type AddressValue = { street: string; number: string; box: string; postcode: string; municipality: string };

/** The value a field holds in the form: text as typed, yes/no as `yes`/`no`, files as their declared metadata. */
export type LeafValue = string | boolean | string[] | AddressValue | FileAnswer[];
export type GroupItemValue = Record<string, LeafValue>;
export type AnswersValue = Record<string, LeafValue | GroupItemValue[]>;

export const emptyAddress = (): AddressValue => ({ street: '', number: '', box: '', postcode: '', municipality: '' });

/** The empty value of one field: what an untouched control holds. */
export const emptyLeafValue = (field: LeafField): LeafValue => {
  switch (field.type) {
    case 'multiple-choice':
      return [];
    case 'consent':
      return false;
    case 'address':
      return emptyAddress();
    case 'file':
      return [];
    default:
      return '';
  }
};

/** An empty item of a repeatable group. */
export const emptyGroupItem = (group: GroupField): GroupItemValue => Object.fromEntries(group.fields.map((field) => [field.id, emptyLeafValue(field)]));

/** How many items a group starts with: its minimum, and one when it is required, so the person sees what to fill in. */
export const initialGroupItems = (group: GroupField): number => Math.max(group.minItems, group.required ? 1 : 0);

/**
 * What the portal already knows about the person filling in the form: from the register (eID or
 * itsme login) and the preferences. Anything unknown stays undefined and its field stays empty.
 */
export type KnownPerson = {
  givenName?: string | undefined;
  familyName?: string | undefined;
  birthDate?: string | undefined;
  nationalNumber?: string | undefined;
  address?: { street: string; houseNumber: string; box: string | null; postcode: string; municipality: string } | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  language?: Language | undefined;
};

/** The known value for a prefill source, or undefined. */
export const prefillValue = (source: PrefillSource, known: KnownPerson): string | AddressValue | undefined => {
  switch (source) {
    case 'resident.fullName':
      return known.givenName && known.familyName ? `${known.givenName} ${known.familyName}` : undefined;
    case 'resident.givenName':
      return known.givenName;
    case 'resident.familyName':
      return known.familyName;
    case 'resident.birthDate':
      return known.birthDate;
    case 'resident.nationalNumber':
      return known.nationalNumber;
    case 'resident.address':
      return known.address
        ? {
            street: known.address.street,
            number: known.address.houseNumber,
            box: known.address.box ?? '',
            postcode: known.address.postcode,
            municipality: known.address.municipality,
          }
        : undefined;
    case 'resident.email':
      return known.email;
    case 'resident.phone':
      return known.phone;
    case 'resident.language':
      return known.language;
  }
};

/** A prefill only where it fits the field: an address in an address field, a choice among its options. */
const prefillFor = (field: LeafField, known: KnownPerson): LeafValue | undefined => {
  if (!field.prefill) return undefined;
  const value = prefillValue(field.prefill, known);
  if (value === undefined || value === '') return undefined;
  if (field.type === 'address') return typeof value === 'object' ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (field.type === 'choice') return field.options.some((option) => option.value === value) ? value : undefined;
  if (field.type === 'multiple-choice' || field.type === 'file' || field.type === 'consent' || field.type === 'yes-no') return undefined;
  return value;
};

/** The form's starting values: every field empty, groups with their first items, known data filled in. */
export const initialAnswers = (definition: FormDefinition, known: KnownPerson = {}): AnswersValue => {
  const values: AnswersValue = {};
  for (const field of definition.fields) {
    if (field.type === 'group') {
      values[field.id] = Array.from({ length: initialGroupItems(field) }, () => emptyGroupItem(field));
    } else {
      values[field.id] = prefillFor(field, known) ?? emptyLeafValue(field);
    }
  }
  return values;
};

/** Files as the form engine checks them: what the browser declares about each. */
export const fileAnswersOf = (files: readonly { name: string; size: number; type: string }[]): FileAnswer[] =>
  files.map(({ name, size, type }) => ({ name, size, type }));

/** The field of a definition by id, groups' fields included. */
const findField = (fields: readonly FormField[], id: string): FormField | undefined => fields.find((field) => field.id === id);

/** Field types shown as a group of radio buttons or checkboxes: their error leads to the first option. */
const optionGroupTypes: ReadonlySet<FormField['type']> = new Set(['multiple-choice', 'yes-no']);

/** Whether a field renders as a row of options (so its own id names a fieldset, not a control). */
export const rendersAsOptions = (field: FormField): boolean => optionGroupTypes.has(field.type) || (field.type === 'choice' && field.display === 'radio');

/**
 * The dotted path of the control an error at `path` leads to (the error summary focuses it).
 * `path` is relative to the answers (`children.1.birthDate`, `location.street`, `photos.0`):
 * an option group leads to its first option (`.option-0`), a file error to the file input, an
 * address as a whole to its street, a group as a whole to its first control or its add button.
 */
export const errorTargetPath = (definition: FormDefinition, path: string): string => {
  const [first = '', ...rest] = path.split('.');
  const field = findField(definition.fields, first);
  if (!field) return path;
  if (field.type === 'group') {
    const [index, childId] = rest;
    if (index === undefined) return `${field.id}.add`;
    const child = childId ? findField(field.fields, childId) : undefined;
    if (!child) return `${field.id}.${index}.${field.fields[0]?.id ?? ''}`;
    return leafTarget(child, `${field.id}.${index}.${child.id}`, rest.slice(2));
  }
  return leafTarget(field, field.id, rest);
};

const leafTarget = (field: FormField, base: string, rest: readonly string[]): string => {
  if (rendersAsOptions(field)) return `${base}.option-0`;
  if (field.type === 'file') return base;
  if (field.type === 'address') return `${base}.${rest[0] ?? 'street'}`;
  return base;
};

/** Bytes in words people read: "2,5 MB", "300 kB". */
export const formatFileSize = (bytes: number, locale: string): string => {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} kB`;
};

/** The `accept` attribute of a file input for the MIME types a field allows. */
export const acceptAttribute = (types: readonly string[]): string => types.join(',');

/** What the portal knows of a logged-in resident, from "Mijn gegevens" (register data only with eID or itsme). */
export const knownPersonOf = (
  profile:
    | {
        person: { givenName: string; familyName: string; birthDate: string; nationalNumber?: string | undefined } | null;
        household: { address: { street: string; houseNumber: string; box: string | null; postcode: string; subMunicipality: string } } | null;
        preferences: { preferredLanguage: Language; email: string | null; phone: string | null };
      }
    | undefined,
  loginEmail: string | null | undefined,
): KnownPerson => {
  const address = profile?.household?.address;
  return {
    givenName: profile?.person?.givenName,
    familyName: profile?.person?.familyName,
    birthDate: profile?.person?.birthDate,
    nationalNumber: profile?.person?.nationalNumber,
    address: address
      ? { street: address.street, houseNumber: address.houseNumber, box: address.box, postcode: address.postcode, municipality: address.subMunicipality }
      : undefined,
    email: profile?.preferences.email ?? loginEmail ?? undefined,
    phone: profile?.preferences.phone ?? undefined,
    language: profile?.preferences.preferredLanguage,
  };
};

/**
 * The question an error at `path` belongs to, for the error summary ("Wat is uw vraag?"): a group
 * item's field is named with its item ("Persoon 2: Familienaam"), an address part with its part.
 */
export const errorFieldLabel = (
  definition: FormDefinition,
  path: string,
  lang: Language,
  words: { item: (n: number) => string; addressPart: (part: string) => string },
): string | null => {
  const [first = '', ...rest] = path.split('.');
  const field = findField(definition.fields, first);
  if (!field) return null;
  const label = localize(field.label, lang);
  if (field.type === 'group') {
    const [index, childId] = rest;
    const child = childId ? findField(field.fields, childId) : undefined;
    if (index === undefined || !child) return label;
    const n = Number(index) + 1;
    const item = field.itemLabel ? localize(field.itemLabel, lang).replace('{n}', String(n)) : words.item(n);
    return `${item}: ${localize(child.label, lang)}`;
  }
  if (field.type === 'address' && rest[0]) return `${label} (${words.addressPart(rest[0])})`;
  return label;
};
