import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { uploadScopeHeader } from '../../../../shared/src/cases/attachments.contract.ts';
import {
  type AssistedSubmissionRequest,
  caseReceiptSchema,
  type HandOverRequest,
  myCasesResponseSchema,
  queueItemSchema,
  queueResponseSchema,
  residentCaseSchema,
  routingTestResponseSchema,
  type StatusRequest,
  staffCaseSchema,
} from '../../../../shared/src/cases/cases.contract.ts';
import { productFamilySchema } from '../../../../shared/src/cases/index.ts';
import { productListResponseSchema } from '../../../../shared/src/catalog/catalog.contract.ts';
import { formDefinitionSchema } from '../../../../shared/src/forms/index.ts';
import { personFileResponseSchema, profileResponseSchema } from '../../../../shared/src/identity/identity.contract.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { streetSchema } from '../../../../shared/src/register/index.ts';
import { apiFetch } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { type QueueFilters, queueQueryString } from './case-display.rules.ts';

/** The reader's language, re-rendering on a switch so the queries below refetch in it. */
export const useLanguage = (): Language => {
  useTranslation();
  return currentLanguage();
};

const fiveMinutes = 5 * 60_000;

/** `GET /api/forms/:product`: the product's form definition, its family and the login it needs. */
export const productFormSchema = z.object({
  product: z.string(),
  family: productFamilySchema,
  requiredPermission: z.enum(['requests:create', 'requests:create-basic']),
  form: formDefinitionSchema,
});
export type ProductForm = z.infer<typeof productFormSchema>;

/** A product's request form (the server's definition: the same one it validates against). */
export const useProductForm = (slug: string, enabled = true) =>
  useQuery({
    queryKey: ['forms', slug],
    queryFn: ({ signal }) => apiFetch(`/api/forms/${encodeURIComponent(slug)}`, { schema: productFormSchema, signal }),
    staleTime: fiveMinutes,
    retry: false,
    enabled: enabled && slug !== '',
  });

/**
 * A key that makes a submission safe to retry (draft-ietf-httpapi-idempotency-key-header): made
 * once per form fill and sent again with every retry, so a lost answer never makes a second case.
 */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a city testing over plain http on its network still gets a random key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

const submit = (path: string, body: unknown, idempotencyKey: string, headers: Record<string, string> = {}) =>
  apiFetch(path, { method: 'POST', body, schema: caseReceiptSchema, headers: { ...headers, 'idempotency-key': idempotencyKey } });

/** A logged-in resident submits a request (`POST /api/cases`). */
export const useSubmitCase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ product, answers, idempotencyKey }: { product: string; answers: Record<string, unknown>; idempotencyKey: string }) =>
      submit('/api/cases', { product, answers, language: currentLanguage() }, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-cases'] }),
  });
};

/**
 * Anyone asks a general question, or makes a report anyone may make (`POST /api/questions`);
 * the kiosk says `channel: 'kiosk'`.
 */
export const useAskQuestion = () =>
  useMutation({
    mutationFn: ({
      answers,
      idempotencyKey,
      product,
      channel,
      uploadScope,
    }: {
      answers: Record<string, unknown>;
      idempotencyKey: string;
      product?: string;
      channel?: 'online' | 'kiosk';
      /** The scope the form's files were uploaded under (a report with photos). */
      uploadScope?: string;
    }) =>
      submit(
        '/api/questions',
        { product, answers, language: currentLanguage(), channel },
        idempotencyKey,
        uploadScope ? { [uploadScopeHeader]: uploadScope } : {},
      ),
  });

/** An employee registers a request for someone (`POST /api/work/cases`). */
export const useSubmitAssisted = () =>
  useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AssistedSubmissionRequest; idempotencyKey: string }) => submit('/api/work/cases', body, idempotencyKey),
  });

/** What the portal knows of the logged-in resident, for prefilling forms (eID/itsme logins also get register data). */
export const useKnownProfile = (enabled: boolean) =>
  useQuery({
    // The identity module keeps the same answer under this key ("Mijn gegevens"); sharing it saves a request.
    queryKey: ['me', 'profile'],
    queryFn: ({ signal }) => apiFetch('/api/me/profile', { schema: profileResponseSchema, signal }),
    enabled,
    retry: false,
  });

/** Street suggestions for an address field; idle below two letters. */
export const useStreetSuggestions = (prefix: string) => {
  const query = prefix.trim();
  return useQuery({
    queryKey: ['register', 'streets', query.toLowerCase()],
    queryFn: ({ signal }) =>
      apiFetch(`/api/register/streets?${new URLSearchParams({ prefix: query, limit: '8' })}`, { schema: z.object({ items: z.array(streetSchema) }), signal }),
    enabled: query.length >= 2,
    staleTime: fiveMinutes,
    placeholderData: keepPreviousData,
  });
};

// Resident side

const myCasesKey = ['my-cases'] as const;

/** "Mijn dossiers", open or closed. */
export const useMyCases = (state: 'open' | 'closed', page: number) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: [...myCasesKey, 'list', state, page, lang],
    queryFn: ({ signal }) =>
      apiFetch(`/api/me/cases?${new URLSearchParams({ state, page: String(page), pageSize: '20', lang })}`, { schema: myCasesResponseSchema, signal }),
    placeholderData: keepPreviousData,
  });
};

/**
 * One of my cases. `poll` keeps asking every second while an automated certificate is being made
 * (the confirmation page), so the download link appears without a reload.
 */
export const useMyCase = (reference: string, options: { poll?: (data: z.infer<typeof residentCaseSchema> | undefined) => boolean } = {}) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: [...myCasesKey, 'case', reference, lang],
    queryFn: ({ signal }) => apiFetch(`/api/cases/${encodeURIComponent(reference)}?lang=${lang}`, { schema: residentCaseSchema, signal }),
    retry: false,
    refetchInterval: options.poll ? (query) => (options.poll?.(query.state.data) ? 1000 : false) : false,
  });
};

/** Replies in one of my cases; the answer is the case as it is now. */
export const useReplyMine = (reference: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (text: string) =>
      apiFetch(`/api/cases/${encodeURIComponent(reference)}/messages?lang=${lang}`, { method: 'POST', body: { text }, schema: residentCaseSchema }),
    onSuccess: (found) => {
      queryClient.setQueryData([...myCasesKey, 'case', reference, lang], found);
      void queryClient.invalidateQueries({ queryKey: [...myCasesKey, 'list'] });
    },
  });
};

/** Withdraws one of my requests. */
export const useWithdrawMine = (reference: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch(`/api/cases/${encodeURIComponent(reference)}/withdraw?lang=${lang}`, {
        method: 'POST',
        body: reason.trim() ? { reason: reason.trim() } : {},
        schema: residentCaseSchema,
      }),
    onSuccess: (found) => {
      queryClient.setQueryData([...myCasesKey, 'case', reference, lang], found);
      void queryClient.invalidateQueries({ queryKey: [...myCasesKey, 'list'] });
    },
  });
};

/** A question followed by its secret link. */
export const useQuestion = (token: string) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['question', token, lang],
    queryFn: ({ signal }) => apiFetch(`/api/questions/${encodeURIComponent(token)}?lang=${lang}`, { schema: residentCaseSchema, signal }),
    retry: false,
    // The link is the only key to this question: keep it out of the cache once the page is left.
    gcTime: 0,
  });
};

/** Replies to the city through the secret link. */
export const useReplyQuestion = (token: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (text: string) =>
      apiFetch(`/api/questions/${encodeURIComponent(token)}/messages?lang=${lang}`, { method: 'POST', body: { text }, schema: residentCaseSchema }),
    onSuccess: (found) => queryClient.setQueryData(['question', token, lang], found),
  });
};

// Staff workspace

/** A team's work queue with the filters from the address bar. */
export const useQueue = (team: string, filters: QueueFilters) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['work', 'queue', team, filters, lang],
    queryFn: ({ signal }) =>
      apiFetch(`/api/work/queues/${encodeURIComponent(team)}?${queueQueryString(filters, lang)}`, { schema: queueResponseSchema, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
};

/** A case in the workspace (every read is audited on the server, so it is not refetched on focus). */
export const useStaffCase = (id: string) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['work', 'case', id, lang],
    queryFn: ({ signal }) => apiFetch(`/api/work/cases/${encodeURIComponent(id)}?lang=${lang}`, { schema: staffCaseSchema, signal }),
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: 0,
  });
};

/** The steps an employee takes on a case; each answers with the case's queue line, after which the case and queues are read again. */
export type CaseAction =
  | { kind: 'claim'; takeOver?: boolean }
  | { kind: 'assign'; staffId: string }
  | { kind: 'hand-over'; body: HandOverRequest }
  | { kind: 'status'; body: StatusRequest }
  | { kind: 'message'; text: string }
  | { kind: 'note'; text: string };

const actionRequest = (action: CaseAction): { path: string; body: unknown } => {
  switch (action.kind) {
    case 'claim':
      return { path: 'claim', body: { takeOver: action.takeOver ?? false } };
    case 'assign':
      return { path: 'assign', body: { staffId: action.staffId } };
    case 'hand-over':
      return { path: 'hand-over', body: action.body };
    case 'status':
      return { path: 'status', body: action.body };
    case 'message':
      return { path: 'messages', body: { text: action.text } };
    case 'note':
      return { path: 'notes', body: { text: action.text } };
  }
};

/** Runs a step on a case (claim, assign, hand over, status, message, note). */
export const useCaseAction = (caseId: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (action: CaseAction) => {
      const { path, body } = actionRequest(action);
      return apiFetch(`/api/work/cases/${encodeURIComponent(caseId)}/${path}?lang=${lang}`, { method: 'POST', body, schema: queueItemSchema });
    },
    onSuccess: (_item, action) => {
      void queryClient.invalidateQueries({ queryKey: ['work', 'queue'] });
      // After a hand-over the case may no longer be ours to read: the page leaves, it is not refetched.
      if (action.kind !== 'hand-over') void queryClient.invalidateQueries({ queryKey: ['work', 'case', caseId] });
    },
  });
};

/** Claims a case straight from the queue. */
export const useClaimFromQueue = () => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (caseId: string) =>
      apiFetch(`/api/work/cases/${encodeURIComponent(caseId)}/claim?lang=${lang}`, { method: 'POST', body: { takeOver: false }, schema: queueItemSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['work', 'queue'] }),
  });
};

/** The catalogue's published products, for the queue filter, the routing tester and assisted intake. */
export const useProductChoices = () => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['catalog', 'products', lang],
    queryFn: ({ signal }) => apiFetch(`/api/catalog/products?lang=${lang}`, { schema: productListResponseSchema, signal }),
    staleTime: fiveMinutes,
  });
};

/** "Where would this go?" */
export const useRoutingTest = (input: { product: string; subMunicipality: string; channel: string } | null) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['work', 'routing', input, lang],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ product: input?.product ?? '', channel: input?.channel ?? 'online', lang });
      if (input?.subMunicipality) params.set('subMunicipality', input.subMunicipality);
      return apiFetch(`/api/work/routing/test?${params}`, { schema: routingTestResponseSchema, signal });
    },
    enabled: input !== null,
    retry: false,
  });
};

/**
 * Finds the person an assisted request is for in the register (audited with the purpose, as every
 * look-up). A mutation: the answer is personal data, kept on screen only.
 */
export const useRequesterLookup = () =>
  useMutation({
    mutationFn: (input: { nationalNumber: string; purpose: string }) =>
      apiFetch('/api/register/person-lookups', { method: 'POST', body: input, schema: personFileResponseSchema }),
  });
