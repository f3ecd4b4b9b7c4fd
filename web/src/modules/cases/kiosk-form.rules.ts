import type { FormDefinition, FormField } from '../../../../shared/src/forms/index.ts';

/** A product's form as the kiosk shows it, and whether file questions were left out. */
export type KioskForm = { form: FormDefinition; withoutFiles: boolean };

const conditionsOf = (field: FormField) => [field.visibleIf, field.requiredIf].filter((condition) => condition !== undefined);

/**
 * The same form definition without its optional file questions: a public PC holds no photos of
 * the visitor, who adds one later from their phone through the follow link. Null when the kiosk
 * cannot take the form: a file is required (or may become required), or another question depends
 * on a file question. The server validates against the whole definition, where those questions
 * are optional, so the answers stay valid.
 */
export const kioskFormOf = (definition: FormDefinition): KioskForm | null => {
  const all = definition.fields.flatMap((field) => (field.type === 'group' ? [field, ...field.fields] : [field]));
  const files = all.filter((field) => field.type === 'file');
  if (files.some((field) => field.required || field.requiredIf !== undefined)) return null;
  const dropped = new Set(files.map((field) => field.id));
  if (all.some((field) => conditionsOf(field).some((condition) => dropped.has(condition.field)))) return null;
  const fields = definition.fields.flatMap((field): FormField[] => {
    if (field.type === 'file') return [];
    if (field.type !== 'group') return [field];
    const kept = field.fields.filter((child) => child.type !== 'file');
    return kept.length > 0 ? [{ ...field, fields: kept }] : [];
  });
  if (fields.length === 0) return null;
  return { form: { ...definition, fields }, withoutFiles: dropped.size > 0 };
};
