import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AddAttachmentsRequest,
  type StaffAddAttachmentsRequest,
  type UploadResponse,
  uploadResponseSchema,
  uploadScopeHeader,
} from '../../../../shared/src/cases/attachments.contract.ts';
import { queueItemSchema, residentCaseSchema } from '../../../../shared/src/cases/cases.contract.ts';
import { apiFetch, apiUpload } from '../../app/api.ts';
import { newIdempotencyKey, useLanguage } from './cases.api.ts';

/**
 * Uploads a file (`POST /api/uploads`): for a form question (its limits apply) or, without one, for
 * "add a document". The server reads the type from the content and answers with the stored file.
 */
export const uploadFile = (
  file: File,
  options: { question?: { form: string; field: string }; onProgress?: (fraction: number) => void; scope?: string | undefined },
): Promise<UploadResponse> => {
  const query = options.question ? `?${new URLSearchParams({ form: options.question.form, field: options.question.field })}` : '';
  return apiUpload(`/api/uploads${query}`, file, {
    schema: uploadResponseSchema,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.scope ? { headers: { [uploadScopeHeader]: options.scope } } : {}),
  });
};

/**
 * A secret scope for uploads without a login (at least 32 characters): made once per page, sent
 * with each upload and with the step that uses them, so nobody else can use those files.
 */
export const newUploadScope = (): string => `${newIdempotencyKey()}${newIdempotencyKey()}`;

/** Someone following a question by its secret link adds files they uploaded with `scope`. */
export const useAddQuestionAttachments = (token: string, scope: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (body: AddAttachmentsRequest) =>
      apiFetch(`/api/questions/${encodeURIComponent(token)}/attachments?lang=${lang}`, {
        method: 'POST',
        body,
        schema: residentCaseSchema,
        headers: { [uploadScopeHeader]: scope },
      }),
    onSuccess: (found) => queryClient.setQueryData(['question', token, lang], found),
  });
};

/** The requester adds uploaded files to one of their cases; the answer is the case as it is now. */
export const useAddMyAttachments = (reference: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (body: AddAttachmentsRequest) =>
      apiFetch(`/api/cases/${encodeURIComponent(reference)}/attachments?lang=${lang}`, { method: 'POST', body, schema: residentCaseSchema }),
    onSuccess: (found) => {
      queryClient.setQueryData(['my-cases', 'case', reference, lang], found);
      void queryClient.invalidateQueries({ queryKey: ['my-cases', 'list'] });
    },
  });
};

/** An employee adds uploaded files to a case, for the requester or internal. */
export const useAddStaffAttachments = (caseId: string) => {
  const queryClient = useQueryClient();
  const lang = useLanguage();
  return useMutation({
    mutationFn: (body: StaffAddAttachmentsRequest) =>
      apiFetch(`/api/work/cases/${encodeURIComponent(caseId)}/attachments?lang=${lang}`, { method: 'POST', body, schema: queueItemSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['work', 'case', caseId] }),
  });
};
