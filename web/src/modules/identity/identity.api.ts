import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  auditSearchResponseSchema,
  dataAccessResponseSchema,
  type MeResponse,
  meResponseSchema,
  type Preferences,
  personFileResponseSchema,
  profileResponseSchema,
  redirectResponseSchema,
  type StaffMemberInput,
  staffListResponseSchema,
  staffMemberSchema,
} from '../../../../shared/src/identity/identity.contract.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { apiFetch, rememberCsrfToken } from '../../app/api.ts';

/** Everything about the logged-in person lives under this key, so a login or logout refreshes it all at once. */
export const meKey = ['me'] as const;

const oneMinute = 60_000;

/**
 * Who is logged in (GET /api/me): the header, the menus, the page guards and the CSRF token that
 * apiFetch sends with every state-changing request all come from here.
 */
export const useMe = () =>
  useQuery<MeResponse>({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      const me = await apiFetch('/api/me', { schema: meResponseSchema, signal });
      rememberCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: oneMinute,
  });

/**
 * Logs out and leaves the page: to the identity provider's logout when there was one (it ends the
 * eID or Entra session too), else to the surface's start page. A full navigation, so nothing of
 * the person stays in memory.
 */
export const useLogout = () =>
  useMutation({
    mutationFn: () => apiFetch('/api/auth/logout', { method: 'POST', schema: redirectResponseSchema }),
    onSuccess: ({ redirectTo }) => {
      rememberCsrfToken(null);
      window.location.assign(redirectTo);
    },
  });

/** Asks for a one-time login link by e-mail. The answer is the same for any address. */
export const useEmailLink = () =>
  useMutation({
    mutationFn: (input: { email: string; returnTo?: string | undefined; lang: Language }) =>
      apiFetch('/api/auth/email-link', { method: 'POST', body: input, schema: z.object({ sent: z.literal(true) }) }),
  });

/** Logs in with the token of an e-mail link; the new session's data is fetched before the caller moves on. */
export const useEmailLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiFetch('/api/auth/email-login', { method: 'POST', body: { token }, schema: redirectResponseSchema }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meKey, type: 'inactive' });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
};

/** "Mijn gegevens": register data (eID/itsme logins only) and preferences. */
export const useProfile = (enabled: boolean) =>
  useQuery({
    queryKey: [...meKey, 'profile'],
    queryFn: ({ signal }) => apiFetch('/api/me/profile', { schema: profileResponseSchema, signal }),
    enabled,
  });

/** Saves the resident's preferences; the answer is the new profile. */
export const useSavePreferences = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Preferences) => apiFetch('/api/me/preferences', { method: 'PUT', body: preferences, schema: profileResponseSchema }),
    onSuccess: (profile) => queryClient.setQueryData([...meKey, 'profile'], profile),
  });
};

/** Who saw my data: organisations and teams that read the resident's file. */
export const useDataAccess = (enabled: boolean) =>
  useQuery({
    queryKey: [...meKey, 'data-access'],
    queryFn: ({ signal }) => apiFetch('/api/me/data-access', { schema: dataAccessResponseSchema, signal }),
    enabled,
  });

/**
 * Opens a person's file in the register (audited, with the purpose). A mutation, not a query: the
 * answer is personal data that is kept on screen only, never in a cache.
 */
export const usePersonLookup = () =>
  useMutation({
    mutationFn: (input: { nationalNumber: string; purpose: string }) =>
      apiFetch('/api/register/person-lookups', { method: 'POST', body: input, schema: personFileResponseSchema }),
  });

const staffKey = ['staff'] as const;

/** The staff directory. */
export const useStaffList = () =>
  useQuery({
    queryKey: staffKey,
    queryFn: ({ signal }) => apiFetch('/api/staff', { schema: staffListResponseSchema, signal }),
    staleTime: oneMinute,
  });

/** Adds (id null) or changes a staff member; the directory is fetched again after. */
export const useSaveStaffMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: StaffMemberInput }) =>
      apiFetch(id ? `/api/staff/${encodeURIComponent(id)}` : '/api/staff', { method: id ? 'PUT' : 'POST', body: input, schema: staffMemberSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
};

/** Filters of the audit log search, as the API takes them (national register number as 11 digits). */
export type AuditFilters = { nationalNumber?: string | undefined; action?: string | undefined; from?: string | undefined; to?: string | undefined };

/** How many audit rows one page holds. */
export const auditPageSize = 50;

/**
 * The audit log, newest first, a page at a time (`before` = the last id). Idle until a search is
 * made: every search is itself written to the audit log.
 */
export const useAuditSearch = (search: { filters: AuditFilters; run: number } | null) =>
  useInfiniteQuery({
    // `run` counts the clicks on "Zoeken": the same filters again mean "what is there now".
    queryKey: ['audit', search],
    enabled: search !== null,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => {
      // A POST, so a national register number never appears in a URL or an access log.
      const body: Record<string, string | number> = { limit: auditPageSize };
      for (const [key, value] of Object.entries(search?.filters ?? {})) if (value) body[key] = value;
      if (pageParam !== undefined) body.before = pageParam;
      return apiFetch('/api/audit/searches', { method: 'POST', body, schema: auditSearchResponseSchema, signal });
    },
    getNextPageParam: (last) => (last.items.length === auditPageSize ? last.items.at(-1)?.id : undefined),
    // Audit rows are evidence: always what the database says now.
    staleTime: 0,
    gcTime: 0,
  });
