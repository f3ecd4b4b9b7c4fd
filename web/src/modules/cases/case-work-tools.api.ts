import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assigneesResponseSchema,
  type BulkAssignRequest,
  bulkAssignResponseSchema,
  caseMessageTemplatesResponseSchema,
} from '../../../../shared/src/cases/cases.contract.ts';
import { apiFetch } from '../../app/api.ts';
import { useLanguage } from './cases.api.ts';

/** The message templates that fit a case, filled in in the case's language (titles in the reader's). */
export const useMessageTemplates = (caseId: string, enabled = true) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['work', 'case', caseId, 'message-templates', lang],
    queryFn: ({ signal }) =>
      apiFetch(`/api/work/cases/${encodeURIComponent(caseId)}/message-templates?lang=${lang}`, { schema: caseMessageTemplatesResponseSchema, signal }),
    enabled: enabled && caseId !== '',
    retry: false,
    refetchOnWindowFocus: false,
  });
};

/** Who a coordinator can give the team's cases to. */
export const useAssignees = (team: string, enabled: boolean) => {
  const lang = useLanguage();
  return useQuery({
    queryKey: ['work', 'assignees', team, lang],
    queryFn: ({ signal }) => apiFetch(`/api/work/teams/${encodeURIComponent(team)}/assignees?lang=${lang}`, { schema: assigneesResponseSchema, signal }),
    enabled: enabled && team !== '',
    retry: false,
    staleTime: 60_000,
  });
};

/** Gives the selected cases to one member of the team; the answer has a line per case. */
export const useBulkAssign = () => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (body: BulkAssignRequest) => apiFetch(`/api/work/bulk-assignments?lang=${lang}`, { method: 'POST', body, schema: bulkAssignResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['work', 'queue'] }),
  });
};
