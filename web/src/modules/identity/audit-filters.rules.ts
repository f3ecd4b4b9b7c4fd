import { z } from 'zod';
import { nationalNumberSchema } from '../../../../shared/src/identity/national-number.rules.ts';

/** A calendar date (YYYY-MM-DD) plus whole days, in UTC so no time zone can shift it. */
export const addDays = (date: string, days: number): string => {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
};

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value));

/**
 * The audit search form as the API takes it. The number is checked by the shared validator (the
 * field says what is wrong); "to" is typed as the last day to include, while the API's `to` is
 * exclusive, so one day is added.
 */
export const auditFilterFormSchema = z
  .object({
    nationalNumber: optionalText.pipe(nationalNumberSchema.optional()),
    action: optionalText.pipe(
      z
        .string()
        .regex(/^[a-z.-]+$/)
        .max(60)
        .optional(),
    ),
    from: optionalText.pipe(z.iso.date().optional()),
    to: optionalText.pipe(z.iso.date().optional()),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to before from', params: { code: 'date-order' } });
  })
  .transform((value) => ({ ...value, to: value.to ? addDays(value.to, 1) : undefined }));

export type AuditFilterForm = z.input<typeof auditFilterFormSchema>;
