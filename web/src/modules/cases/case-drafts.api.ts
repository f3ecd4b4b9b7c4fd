import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { draftResponseSchema } from '../../../../shared/src/cases/cases.contract.ts';
import { ApiError, apiFetch } from '../../app/api.ts';

/** Where a surface keeps its drafts: the resident's own, or the employee's assisted intake. */
export type DraftSurface = 'portal' | 'work';

const base = (surface: DraftSurface) => (surface === 'portal' ? '/api/drafts' : '/api/work/drafts');
const draftKey = (surface: DraftSurface, product: string) => ['drafts', surface, product] as const;

/** The saved answers of this form, or null when there are none (never saved, submitted, or expired). */
export const useDraft = (surface: DraftSurface, product: string, enabled = true) =>
  useQuery({
    queryKey: draftKey(surface, product),
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch(`${base(surface)}/${encodeURIComponent(product)}`, { schema: draftResponseSchema, signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: enabled && product !== '',
    retry: false,
    // Read once when the form opens: the form itself is the truth afterwards.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

/** Saves the answers so far (the whole draft each time). */
export const useSaveDraft = (surface: DraftSurface, product: string) =>
  useMutation({
    mutationFn: (answers: Record<string, unknown>) =>
      apiFetch(`${base(surface)}/${encodeURIComponent(product)}`, { method: 'PUT', body: { answers }, schema: draftResponseSchema }),
  });

/** Throws the draft away ("start over"). */
export const useDeleteDraft = (surface: DraftSurface, product: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch(`${base(surface)}/${encodeURIComponent(product)}`, { method: 'DELETE', schema: z.null() }),
    onSuccess: () => queryClient.setQueryData(draftKey(surface, product), null),
  });
};

/** Forgets the cached draft after a submission (the server deleted it in the same transaction). */
export const useForgetDraft = (surface: DraftSurface, product: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.setQueryData(draftKey(surface, product), null);
};
