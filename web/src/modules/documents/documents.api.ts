import { useQuery } from '@tanstack/react-query';
import { type VerificationResponse, verificationResponseSchema } from '../../../../shared/src/documents/index.ts';
import { apiFetch } from '../../app/api.ts';

/**
 * The verification answer for a code (already parsed to its printed form); idle without one.
 * Not kept fresh: a revocation must show on the next visit, so the answer is never reused later.
 */
export const useVerification = (code: string | null) =>
  useQuery<VerificationResponse>({
    queryKey: ['documents', 'verify', code],
    queryFn: ({ signal }) => apiFetch(`/api/documents/verify/${encodeURIComponent(code ?? '')}`, { schema: verificationResponseSchema, signal }),
    enabled: code !== null,
    staleTime: 0,
    gcTime: 0,
  });
