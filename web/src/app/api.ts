import type { z } from 'zod';
import { meResponseSchema } from '../../../shared/src/identity/identity.contract.ts';
import { ApiError, toApiError } from './api-error.ts';
import { i18n } from './i18n.ts';

export { ApiError } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type ApiOptions<T extends z.ZodType> = {
  method?: Method;
  body?: unknown;
  /** Parses the answer, so a page never renders a shape it did not expect. */
  schema: T;
  signal?: AbortSignal | undefined;
  /** More request headers, e.g. `if-match` for an optimistic-concurrency save. */
  headers?: Record<string, string>;
};

/** The header the server expects the session's CSRF token in, on every state-changing request. */
export const csrfHeader = 'x-csrf-token';

// The session's CSRF token as GET /api/me last gave it. Module state rather than a React context:
// apiFetch is called outside components too (mutations, query functions), and there is one session
// per browser tab.
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null: no session). useMe calls it with every answer of GET /api/me. */
export const rememberCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const send = async (path: string, method: Method, body: unknown, signal: AbortSignal | undefined, extra: Record<string, string> = {}): Promise<Response> => {
  const headers: Record<string, string> = { ...extra, accept: 'application/json, application/problem+json', 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[csrfHeader] = csrfToken;
  try {
    return await fetch(path, {
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
};

/** Asks the server for the current session's CSRF token (after a login in another tab, or before /api/me answered). */
const refreshCsrfToken = async (signal: AbortSignal | undefined): Promise<void> => {
  const response = await send('/api/me', 'GET', undefined, signal);
  const me = meResponseSchema.safeParse(await response.json().catch(() => null));
  rememberCsrfToken(me.success ? me.data.csrfToken : null);
};

/**
 * Calls the Gastvrij API in the reader's language. A state-changing request carries the session's
 * CSRF token; when the server refuses it as stale (the session changed meanwhile), the token is
 * fetched again and the request sent once more. Failures throw an ApiError: problem+json as the
 * server sent it, or `network` when the server could not be reached at all.
 */
export const apiFetch = async <T extends z.ZodType>(path: string, { method = 'GET', body, schema, signal, headers }: ApiOptions<T>): Promise<z.infer<T>> => {
  let response = await send(path, method, body, signal, headers);
  let json: unknown = await response.json().catch(() => null);
  if (response.status === 403 && method !== 'GET' && (json as { code?: unknown } | null)?.code === 'csrf-token-invalid') {
    await refreshCsrfToken(signal);
    response = await send(path, method, body, signal, headers);
    json = await response.json().catch(() => null);
  }
  if (!response.ok) throw toApiError(response.status, json, i18n.t('errors.generic'));
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'unexpected-response', title: i18n.t('errors.generic') });
  return parsed.data;
};

const sendFile = (
  path: string,
  body: FormData,
  onProgress: ((fraction: number) => void) | undefined,
  signal: AbortSignal | undefined,
  headers: Record<string, string>,
) =>
  new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    // XMLHttpRequest, not fetch: only it reports how much of a large file has gone.
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    request.setRequestHeader('accept-language', i18n.language);
    if (csrfToken) request.setRequestHeader(csrfHeader, csrfToken);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(request.responseText);
      } catch {
        // Not JSON (a proxy's error page): handled as an unexpected answer below.
      }
      resolve({ status: request.status, json });
    };
    request.onerror = () => reject(new ApiError({ status: 0, code: 'network', title: i18n.t('errors.network') }));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });

/**
 * Uploads one file as multipart/form-data (part `file`) with the session's CSRF token, reporting
 * progress as a fraction; failures throw an ApiError like apiFetch (the field errors say why).
 */
export const apiUpload = async <T extends z.ZodType>(
  path: string,
  file: File,
  { schema, onProgress, signal, headers = {} }: { schema: T; onProgress?: (fraction: number) => void; signal?: AbortSignal; headers?: Record<string, string> },
): Promise<z.infer<T>> => {
  const body = () => {
    const data = new FormData();
    data.append('file', file, file.name);
    return data;
  };
  let answer = await sendFile(path, body(), onProgress, signal, headers);
  if (answer.status === 403 && (answer.json as { code?: unknown } | null)?.code === 'csrf-token-invalid') {
    await refreshCsrfToken(signal);
    answer = await sendFile(path, body(), onProgress, signal, headers);
  }
  if (answer.status < 200 || answer.status >= 300) throw toApiError(answer.status, answer.json, i18n.t('errors.generic'));
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success) throw new ApiError({ status: answer.status, code: 'unexpected-response', title: i18n.t('errors.generic') });
  return parsed.data;
};
