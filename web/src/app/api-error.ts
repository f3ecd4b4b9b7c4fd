import { type FieldError, problemSchema } from '../../../shared/src/platform/problem.ts';

/**
 * A failed API call. `title` is already in the reader's language (the server reads Accept-Language);
 * `code` is stable, so pages switch on it rather than on the text.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  /** Stable problem code from the server, or `network` / `unexpected-response` for failures on the way. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  constructor(init: { status: number; code: string; title: string; detail?: string | undefined; fieldErrors?: FieldError[]; requestId?: string | undefined }) {
    super(`${init.status} ${init.code}: ${init.title}`);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
  }

  /** The message for one form field, if the server rejected it. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

/**
 * Turns a failed response body into an ApiError. Anything that is not a Gastvrij problem document
 * (a proxy's HTML error page, for instance) becomes `unexpected-response` with the fallback title.
 */
export const toApiError = (status: number, body: unknown, fallbackTitle: string): ApiError => {
  const problem = problemSchema.safeParse(body);
  if (!problem.success) return new ApiError({ status, code: 'unexpected-response', title: fallbackTitle });
  const { code, title, detail, errors, requestId } = problem.data;
  return new ApiError({ status: problem.data.status || status, code, title, detail, fieldErrors: errors ?? [], requestId });
};
