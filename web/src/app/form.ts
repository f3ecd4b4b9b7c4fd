import { toNestErrors } from '@hookform/resolvers';
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';
import { type IssueMessages, issuesToFieldErrors, splitServerFieldErrors } from './form-errors.rules.ts';
import { currentLanguage } from './i18n.ts';

export { fieldDomId, flattenFieldErrors } from './form-errors.rules.ts';

/**
 * Options every form shares: after a refused submit the error summary takes focus (ErrorSummary),
 * so react-hook-form must not move focus to the first invalid field as well.
 */
export const formOptions = { shouldFocusError: false } as const;

/**
 * A react-hook-form resolver for a shared zod schema, the one the server validates with, so a
 * field says in the browser what the server would say. Unlike @hookform/resolvers' zodResolver it
 * keeps our refinements' translations (`params.messages`) and answers in the reader's language;
 * zodResolver only sees the final message, which for some shared schemas is a developer text.
 * `prepare` turns form values into the API's shape first (an empty field into null, for instance).
 */
export const zodFormResolver =
  <TInput extends FieldValues, TOutput>(
    schema: z.ZodType<TOutput>,
    options: { prepare?: (values: TInput) => unknown; messages?: IssueMessages } = {},
  ): Resolver<TInput, unknown, TOutput> =>
  async (values, _context, resolverOptions) => {
    const result = await schema.safeParseAsync(options.prepare ? options.prepare(values) : values);
    if (result.success) return { values: result.data, errors: {} };
    const errors = issuesToFieldErrors(result.error.issues, currentLanguage(), options.messages);
    return { values: {}, errors: toNestErrors<TInput>(errors, resolverOptions) };
  };

/**
 * Puts the server's field errors (problem+json `errors[]`) on the form's fields that `accept`
 * names; returns the messages that belong to no field, for the form's general alert. An error
 * that is not a validation answer returns null: the caller shows it as a failed request.
 */
export const applyServerErrors = <T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, accept: (field: string) => boolean): string[] | null => {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return null;
  const { fields, rest } = splitServerFieldErrors(error, accept);
  for (const { field, error: fieldError } of fields) setError(field as Path<T>, fieldError);
  return rest;
};
