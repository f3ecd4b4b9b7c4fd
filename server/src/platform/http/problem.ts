import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Language, negotiateLanguage } from '../../../../shared/src/platform/language.ts';
import type { FieldError, Problem } from '../../../../shared/src/platform/problem.ts';
import { type ProblemDefinition, platformProblems } from '../i18n/messages.ts';

const registry = new Map<string, ProblemDefinition>(Object.entries(platformProblems));

/**
 * Registers the problem codes of a module (its `*.errors.ts`). Codes are global and stable: a
 * client may switch on them, so a code is never reused for another meaning.
 */
export const defineProblems = <T extends Record<string, ProblemDefinition>>(problems: T): T => {
  for (const [code, definition] of Object.entries(problems)) {
    const existing = registry.get(code);
    if (existing && existing !== definition) throw new Error(`Problem code ${code} is defined twice`);
    registry.set(code, definition);
  }
  return problems;
};

/** An expected failure of a use case; the error handler turns it into problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: string;
  readonly status: number;
  readonly fields: { field: string; code: string; message: Partial<Record<Language, string>> }[];
  readonly detail: Partial<Record<Language, string>> | undefined;
  constructor(
    code: string,
    options: {
      fields?: AppError['fields'];
      detail?: Partial<Record<Language, string>>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    const definition = registry.get(code);
    if (!definition) throw new Error(`Unknown problem code ${code}: define it with defineProblems`);
    this.code = code;
    this.status = definition.status;
    this.fields = options.fields ?? [];
    this.detail = options.detail;
  }
}

const zodLocales = { nl: z.locales.nl(), fr: z.locales.fr(), en: z.locales.en() };

type IssueLike = { code: string; path: PropertyKey[]; message: string; params?: Record<string, unknown> } & Record<string, unknown>;

/**
 * A zod issue in the caller's language. Custom issues may carry their own translations in
 * `params.messages` ({ nl, fr, en }); built-in ones use zod's locale for that language.
 */
export const localizeIssue = (issue: IssueLike, lang: Language): string => {
  const messages = issue.params?.messages as Partial<Record<Language, string>> | undefined;
  if (messages) return messages[lang] ?? messages.nl ?? issue.message;
  if (issue.code === 'custom') return issue.message;
  const localized = zodLocales[lang].localeError(issue as never);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
};

/** Field errors from a zod error, in the caller's language. */
export const fieldErrorsFromZod = (error: z.ZodError, lang: Language): FieldError[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    code: (issue as { params?: { code?: string } }).params?.code ?? issue.code,
    message: localizeIssue(issue as unknown as IssueLike, lang),
  }));

/** The caller's language: an explicit `lang` query parameter wins over Accept-Language. */
export const requestLanguage = (request: FastifyRequest): Language => {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = typeof query?.lang === 'string' ? query.lang : undefined;
  return negotiateLanguage(explicit ?? request.headers['accept-language']);
};

const problemBody = (request: FastifyRequest, code: string, extra: Partial<Problem> = {}): Problem => {
  const lang = requestLanguage(request);
  const definition = registry.get(code) ?? platformProblems['internal-error'];
  return {
    type: `https://gastvrij.dev/problems/${code}`,
    title: definition.title[lang],
    status: definition.status,
    code,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...extra,
  };
};

/** Sends an RFC 9457 problem+json answer with the caller's language. */
export const sendProblem = (request: FastifyRequest, reply: FastifyReply, code: string, extra: Partial<Problem> = {}) => {
  const body = problemBody(request, code, extra);
  return reply.status(body.status).type('application/problem+json; charset=utf-8').header('content-language', requestLanguage(request)).send(body);
};

const statusToCode: Record<number, keyof typeof platformProblems> = {
  400: 'bad-request',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'service-unavailable',
};

/**
 * Installs the error and not-found handlers: every failure leaves as problem+json, never as a stack
 * trace, and never reflects the caller's input unescaped. `notFound` replaces the not-found handler
 * (Fastify allows only one per instance), e.g. to serve the web app's index.html; it should end
 * with `sendProblem(request, reply, 'not-found')` for what it does not serve.
 */
export const installProblemHandlers = (app: FastifyInstance, options: { notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {}) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLanguage(request);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext;
      const errors = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const issue = { ...(v.params as Record<string, unknown>), code: v.keyword, path, message: v.message ?? '' } as IssueLike;
        return {
          field: path.join('.') || context || '(root)',
          code: (issue.params as { code?: string } | undefined)?.code ?? v.keyword,
          message: localizeIssue(issue, lang),
        };
      });
      return sendProblem(request, reply, 'validation-failed', { errors });
    }
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.code, {
        ...(error.detail ? { detail: error.detail[lang] ?? error.detail.nl } : {}),
        ...(error.fields.length
          ? { errors: error.fields.map((f) => ({ field: f.field, code: f.code, message: f.message[lang] ?? f.message.nl ?? f.code })) }
          : {}),
      });
    }
    if (error instanceof z.ZodError) {
      return sendProblem(request, reply, 'validation-failed', { errors: fieldErrorsFromZod(error, lang) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500 || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, status === 503 ? 'service-unavailable' : 'internal-error');
    }
    request.log.info({ err: { message: error.message, code: error.code } }, 'request refused');
    const code = statusToCode[status] ?? 'bad-request';
    return sendProblem(request, reply, code, { status });
  });
  app.setNotFoundHandler(options.notFound ?? ((request, reply) => sendProblem(request, reply, 'not-found')));
};
