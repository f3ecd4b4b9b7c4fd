import type { z } from 'zod';
import { ApiError, toApiError } from './api-error.ts';
import { i18n } from './i18n.ts';

export { ApiError } from './api-error.ts';

type ApiOptions<T extends z.ZodType> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Parses the answer, so a page never renders a shape it did not expect. */
  schema: T;
  signal?: AbortSignal | undefined;
};

/**
 * Calls the Gastvrij API in the reader's language. Failures throw an ApiError: problem+json as
 * the server sent it, or `network` when the server could not be reached at all.
 */
export const apiFetch = async <T extends z.ZodType>(path: string, { method = 'GET', body, schema, signal }: ApiOptions<T>): Promise<z.infer<T>> => {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'network', title: i18n.t('errors.network') });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, json, i18n.t('errors.generic'));
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'unexpected-response', title: i18n.t('errors.generic') });
  return parsed.data;
};
