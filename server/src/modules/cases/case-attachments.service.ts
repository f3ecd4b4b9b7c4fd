import { createHash } from 'node:crypto';
import {
  type AddAttachmentsRequest,
  type StaffAddAttachmentsRequest,
  type UploadQuery,
  type UploadResponse,
  uploadScopeSchema,
} from '../../../../shared/src/cases/attachments.contract.ts';
import type { QueueItem, ResidentCase } from '../../../../shared/src/cases/cases.contract.ts';
import {
  attachmentMediaTypes,
  type CaseStatus,
  cleanFileName,
  defaultAttachmentAccept,
  defaultAttachmentMaxBytes,
  fileAnswersIn,
  fileFieldAt,
  isOpenStatus,
  nameFitsContent,
} from '../../../../shared/src/cases/index.ts';
import {
  acceptedTypesText,
  type FormAnswers,
  type FormDefinition,
  type FormErrorCode,
  type FormErrorParams,
  formatBytes,
  formErrorMessage,
  mediaTypeAllowed,
} from '../../../../shared/src/forms/index.ts';
import type { Actor, ResidentActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { Db } from '../../platform/db/database.ts';
import { inspectUpload } from '../../platform/files/file-inspection.ts';
import { AppError } from '../../platform/http/problem.ts';
import { type AttachmentInfo, createCaseAttachmentsRepository, type Uploader, uploadedBy, uploaderColumns } from './case-attachments.repository.ts';
import { type CaseCore, factsOf, type PendingEvent, uuidPattern } from './case-core.ts';
import { type CasesProblem, casesError } from './cases.errors.ts';
import { canStaff, residentMaySee, staffCaseAccess } from './cases.policy.ts';
import { storedAttachmentOf, toQueueItem } from './cases.presenter.ts';
import { type CaseRow, createCasesRepository } from './cases.repository.ts';

/**
 * Files of cases (issue 5): uploads checked by their content, attached to a case by a form
 * submission or an "add a document" step, and downloads for who may see the case.
 *
 * - An upload is read with a size limit (the form question's `maxSizeBytes`, or 10 MB), its type is
 *   detected from the bytes, images are re-encoded without metadata, and a name that pretends to be
 *   another type is refused. A refusal names the field and stores nothing.
 * - Only who uploaded a file can use it (a resident's account, an employee, or someone without a
 *   login by the secret scope their browser sent), and only once: attaching sets `case_id` in the
 *   transaction of the change, so two submissions cannot both take the same file.
 * - Downloads: the requester (and whoever may see the case as its requester) gets the files meant
 *   for them; staff of the owning team all files, each download audited as a read of the person's
 *   file. Anyone else gets 404, audited.
 */

/** How the requester's case is found and shown: cases.service.ts owns these. */
export type AttachmentLookups = {
  residentCase: (actor: ResidentActor, reference: string) => Promise<CaseRow>;
  caseByToken: (token: string) => Promise<CaseRow>;
  residentView: (row: CaseRow, lang: Language) => Promise<ResidentCase>;
};

/** The file as the HTTP layer read it, or why there is none. */
export type ReadFile = { ok: true; fileName: string; bytes: Buffer } | { ok: false; reason: 'missing' | 'too-large' };

/** File answers checked against their uploads: the answers with the stored facts, and what to attach. */
export type CheckedFiles = { answers: FormAnswers; uploads: { id: string; formField: string }[] };

/** A file to send: bytes, the stored name and the detected type. */
export type AttachmentDownload = { bytes: Buffer; fileName: string; mediaType: string };

/** Which download route asked. */
export type DownloadRoute = { kind: 'resident' } | { kind: 'staff' } | { kind: 'token'; token: string };

/** Uploads nobody attached are removed after this long (an abandoned form, a closed tab). */
export const abandonedUploadMs = 24 * 60 * 60 * 1000;
// Purging runs with an upload, at most once an hour per process (like expired drafts).
const purgeEveryMs = 60 * 60 * 1000;

/** The types of an `accept` list the server can store: `image/*` stands for the images it re-encodes (not HEIC, which it cannot decode). */
const storableTypes = (accept: readonly string[]): string[] => attachmentMediaTypes.filter((type) => mediaTypeAllowed(type, accept));

const inEveryLanguage = (code: FormErrorCode, params?: FormErrorParams) => ({
  nl: formErrorMessage(code, 'nl', params),
  fr: formErrorMessage(code, 'fr', params),
  en: formErrorMessage(code, 'en', params),
});

const fieldError = (problem: CasesProblem | 'validation-failed', fields: { field: string; code: FormErrorCode; params?: FormErrorParams }[]) =>
  new AppError(problem, { fields: fields.map(({ field, code, params }) => ({ field, code, message: inEveryLanguage(code, params) })) });

/** Sets `value` at a dotted path (`stands.1.photo`) of a copy of the answers. */
const withAnswerAt = (answers: FormAnswers, path: string, value: unknown): FormAnswers => {
  const copy = structuredClone(answers) as Record<string, unknown>;
  const segments = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  node[segments.at(-1) as string] = value;
  return copy as FormAnswers;
};

export const createCaseAttachmentsService = (core: CaseCore, lookups: AttachmentLookups) => {
  const { db, audit, clock, policy, tokens, formFor, presentContext, change, applyTransition, minorIdsOf, auditDenied } = core;
  let lastPurge = 0;

  const purgeAbandonedUploads = async (): Promise<number> => {
    const now = clock.now();
    lastPurge = now.getTime();
    return createCaseAttachmentsRepository(db).deleteUnattachedBefore(new Date(now.getTime() - abandonedUploadMs));
  };

  const uploaderOf = (actor: Actor, scope: string | undefined): Uploader | null => {
    if (actor.kind === 'resident') return { kind: 'resident', accountId: actor.accountId };
    if (actor.kind === 'staff') return { kind: 'staff', staffId: actor.staffId };
    if (scope === undefined || !uploadScopeSchema.safeParse(scope).success) return null;
    return { kind: 'anonymous', scopeHash: createHash('sha256').update(scope).digest() };
  };

  const limitsFor = (query: UploadQuery) => {
    if (query.form === undefined || query.field === undefined) {
      return { field: 'file', maxBytes: defaultAttachmentMaxBytes, accept: defaultAttachmentAccept as readonly string[] };
    }
    const question = fileFieldAt(formFor(query.form).form, query.field);
    if (!question) throw new AppError('upload-field-unknown', { fields: [{ field: 'field', code: 'not-a-file-question', message: {} }] });
    return { field: query.field, maxBytes: question.maxSizeBytes, accept: question.accept };
  };

  const auditForeign = async (actor: Actor, details: Record<string, unknown>) => {
    if (actor.kind !== 'anonymous') await audit.record(db, actor, { action: 'cases.attachment.denied', resourceType: 'attachment', details });
  };

  /** The requester's download route: by the secret link for someone without an account, as `followUrlOf` decides. */
  const requesterUrlFor = (row: CaseRow) =>
    row.requester_account_id === null && row.requester_person_id === null && row.access_token_hash !== null
      ? (id: string) => `/api/questions/${tokens.tokenFor(row.id)}/attachments/${id}`
      : undefined;

  /**
   * Checks uploads the actor names for a case and attaches them in `trx`. Someone else's upload is
   * a 404 (audited), one already attached or unknown too: the caller learns nothing about it.
   */
  const attachNamed = async (
    trx: Db,
    actor: Actor,
    uploader: Uploader | null,
    ids: readonly string[],
    caseRow: CaseRow,
    visibility: 'resident' | 'internal',
  ) => {
    const repo = createCaseAttachmentsRepository(trx);
    const wanted = ids.map((id) => id.toLowerCase());
    const rows = await repo.findByIds(wanted);
    const usable = rows.filter((row) => uploader !== null && uploadedBy(row, uploader) && row.case_id === null);
    if (usable.length !== wanted.length) {
      const foreign = rows.filter((row) => uploader === null || !uploadedBy(row, uploader)).map((row) => row.id);
      await auditForeign(actor, { caseId: caseRow.id, uploads: wanted, foreign });
      throw casesError('attachment-not-found');
    }
    const now = clock.now();
    const attached = await repo.attach(
      wanted.map((id) => ({ id, formField: null })),
      { caseId: caseRow.id, visibility, at: now },
    );
    if (attached.length !== wanted.length) throw casesError('attachment-not-found');
    return usable.map((row) => storedAttachmentOf({ ...row, case_id: caseRow.id, attached_at: now, visibility }));
  };

  /** The requester adds files (a document they were asked for): the timeline shows them, and a case waiting for them runs again. */
  const addAsRequester = (actor: Actor, uploader: Uploader | null, caseRow: CaseRow, input: AddAttachmentsRequest) =>
    change(
      actor,
      caseRow.id,
      () => true,
      async (current, now, _repo, trx) => {
        if (!isOpenStatus(current.status as CaseStatus)) throw casesError('case-closed-for-replies');
        const stored = await attachNamed(trx, actor, uploader, input.uploads, current, 'resident');
        const events: PendingEvent[] = [
          { type: 'attachment-added', visibility: 'resident', payload: { attachments: stored, ...(input.text ? { text: input.text } : {}) } },
        ];
        const auditEntry = { action: 'cases.case.attachment-added', details: { attachments: stored.map((file) => file.id), visibility: 'resident' } };
        if (current.status !== 'waiting-for-resident') return { events, audit: auditEntry };
        const replied = applyTransition(current, { type: 'resident-replied', actor: 'resident' }, now);
        return { patch: replied.patch, events: [...events, ...replied.events], audit: auditEntry };
      },
    );

  return {
    /**
     * Checks the file answers of a submission against the stored uploads (the actor's own, not yet
     * attached, of a type and size the question allows) and puts the stored name, size and type in
     * the answers. Field errors name `answers.<question>.<n>`; an upload of someone else is audited.
     */
    async checkFormFiles(actor: Actor, scope: string | undefined, form: FormDefinition, answers: FormAnswers): Promise<CheckedFiles> {
      const entries = fileAnswersIn(form, answers);
      if (entries.length === 0) return { answers, uploads: [] };
      const uploader = uploaderOf(actor, scope);
      const ids = entries.map((entry) => entry.file.id ?? '');
      const rows = new Map(
        (await createCaseAttachmentsRepository(db).findByIds([...new Set(ids)].filter((id) => uuidPattern.test(id)))).map((row) => [row.id, row]),
      );
      const errors: { field: string; code: FormErrorCode; params?: FormErrorParams }[] = [];
      const seen = new Set<string>();
      const foreign: string[] = [];
      let checked = answers;
      const stored = new Map<string, unknown[]>();
      for (const entry of entries) {
        const field = `answers.${entry.path}.${entry.index}`;
        const row = rows.get(entry.file.id ?? '');
        if (row && (uploader === null || !uploadedBy(row, uploader))) foreign.push(row.id);
        if (!row || uploader === null || !uploadedBy(row, uploader) || row.case_id !== null || seen.has(row.id)) {
          errors.push({ field, code: 'file-upload-unknown' });
          continue;
        }
        seen.add(row.id);
        if (!mediaTypeAllowed(row.media_type, entry.field.accept)) {
          errors.push({ field, code: 'file-type-not-allowed', params: { list: acceptedTypesText(storableTypes(entry.field.accept)) } });
        } else if (row.size_bytes > entry.field.maxSizeBytes) {
          errors.push({ field, code: 'file-too-large', params: { list: formatBytes(entry.field.maxSizeBytes) } });
        }
        const list = stored.get(entry.path) ?? [];
        list[entry.index] = { name: row.file_name, size: row.size_bytes, type: row.media_type, id: row.id };
        stored.set(entry.path, list);
      }
      if (foreign.length > 0) await auditForeign(actor, { form: form.product, foreign });
      if (errors.length > 0) throw fieldError('validation-failed', errors);
      for (const [path, files] of stored) checked = withAnswerAt(checked, path, files);
      return { answers: checked, uploads: entries.map((entry) => ({ id: entry.file.id as string, formField: entry.path })) };
    },

    /** Attaches a submission's checked uploads to its new case, in the submission's transaction. */
    async attachFormFiles(trx: Db, caseId: string, files: CheckedFiles, at: Date): Promise<void> {
      if (files.uploads.length === 0) return;
      const attached = new Set(await createCaseAttachmentsRepository(trx).attach(files.uploads, { caseId, visibility: 'resident', at }));
      const lost = files.uploads.filter((upload) => !attached.has(upload.id));
      // Another submission took the same upload between the check and this transaction.
      if (lost.length > 0)
        throw fieldError(
          'validation-failed',
          lost.map((upload) => ({ field: `answers.${upload.formField}`, code: 'file-upload-unknown' })),
        );
    },

    /** The files of a case its requester may see, with their download routes. */
    async forRequester(row: CaseRow) {
      const rows = await createCaseAttachmentsRepository(db).listForCase(row.id, { residentOnly: true });
      return { rows, attachmentUrl: requesterUrlFor(row) };
    },

    /** Removes uploads nobody attached within a day (an abandoned form). Returns how many. Also runs with an upload, at most hourly. */
    purgeAbandonedUploads,

    api: {
      /**
       * Stores an upload after checking it: the limits of the form question it is for (or 10 MB and
       * PDF/JPG/PNG), the type from its content, a name that fits the content. Someone without a login
       * sends the secret scope of their form. Every refusal names the field; nothing is stored.
       */
      async upload(
        actor: Actor,
        input: { query: UploadQuery; scope: string | undefined; read: (maxBytes: number) => Promise<ReadFile> },
      ): Promise<UploadResponse> {
        const uploader = uploaderOf(actor, input.scope);
        if (!uploader) throw casesError('upload-scope-required');
        const limits = limitsFor(input.query);
        const file = await input.read(limits.maxBytes);
        if (!file.ok && file.reason === 'missing') throw casesError('upload-file-missing');
        const tooLarge = () =>
          fieldError('upload-too-large', [{ field: limits.field, code: 'file-too-large', params: { list: formatBytes(limits.maxBytes) } }]);
        if (!file.ok) throw tooLarge();
        const inspected = await inspectUpload(file.bytes);
        const allowed = { list: acceptedTypesText(storableTypes(limits.accept)) };
        if (!inspected.ok) {
          throw inspected.reason === 'unreadable'
            ? fieldError('upload-refused', [{ field: limits.field, code: 'file-unreadable' }])
            : fieldError('upload-refused', [{ field: limits.field, code: 'file-type-not-allowed', params: allowed }]);
        }
        if (!nameFitsContent(file.fileName, inspected.mediaType)) {
          throw fieldError('upload-refused', [
            { field: limits.field, code: 'file-content-mismatch', params: { list: acceptedTypesText([inspected.mediaType]) } },
          ]);
        }
        if (!mediaTypeAllowed(inspected.mediaType, limits.accept))
          throw fieldError('upload-refused', [{ field: limits.field, code: 'file-type-not-allowed', params: allowed }]);
        // A re-encoded image can come out larger than it went in.
        if (inspected.bytes.length > limits.maxBytes) throw tooLarge();
        const row = await createCaseAttachmentsRepository(db).insert({
          file_name: cleanFileName(file.fileName, inspected.mediaType),
          media_type: inspected.mediaType,
          size_bytes: inspected.bytes.length,
          sha256: inspected.sha256,
          bytes: inspected.bytes,
          ...uploaderColumns(uploader),
          created_at: clock.now(),
        });
        if (clock.now().getTime() - lastPurge > purgeEveryMs) await purgeAbandonedUploads();
        return { id: row.id, name: row.file_name, size: row.size_bytes, type: inspected.mediaType, sha256: row.sha256 };
      },

      /** A logged-in requester adds files they uploaded to one of their cases. */
      async addAttachmentsAsResident(actor: Actor, reference: string, input: AddAttachmentsRequest, lang: Language): Promise<ResidentCase> {
        if (actor.kind !== 'resident') throw casesError('case-not-found');
        const row = await lookups.residentCase(actor, reference);
        return lookups.residentView(await addAsRequester(actor, uploaderOf(actor, undefined), row, input), lang);
      },

      /** Someone following a question by its secret link adds files they uploaded with the same scope. */
      async addAttachmentsByToken(actor: Actor, token: string, scope: string | undefined, input: AddAttachmentsRequest, lang: Language): Promise<ResidentCase> {
        const row = await lookups.caseByToken(token);
        return lookups.residentView(await addAsRequester(actor, uploaderOf(actor, scope), row, input), lang);
      },

      /** An employee adds files to a case, for the requester (who gets an e-mail) or internal (needs only `note`, so advising partners can). */
      async addAttachmentsAsStaff(actor: Actor, caseId: string, input: StaffAddAttachmentsRequest, lang: Language): Promise<QueueItem> {
        if (actor.kind !== 'staff') throw casesError('case-not-found');
        const staff = actor;
        if (!uuidPattern.test(caseId)) {
          await auditDenied(staff, { caseId: caseId.slice(0, 64) });
          throw casesError('case-not-found');
        }
        const row = await change(
          staff,
          caseId,
          (current) => {
            const facts = factsOf(current);
            if (staffCaseAccess(staff, facts, policy) === null) return false;
            if (!canStaff(staff, input.visibility === 'internal' ? 'note' : 'message', facts, policy)) throw casesError('case-action-not-allowed');
            return true;
          },
          async (current, _now, _repo, trx) => {
            const stored = await attachNamed(trx, staff, uploaderOf(staff, undefined), input.uploads, current, input.visibility);
            return {
              events: [
                { type: 'attachment-added', visibility: input.visibility, payload: { attachments: stored, ...(input.text ? { text: input.text } : {}) } },
              ],
              audit: { action: 'cases.case.attachment-added', details: { attachments: stored.map((file) => file.id), visibility: input.visibility } },
              ...(input.visibility === 'resident' ? { notify: 'message' as const } : {}),
            };
          },
        );
        return toQueueItem(row, await presentContext(lang));
      },

      /**
       * A file for who may have it (see the module comment). Staff downloads are audited as reads of
       * the requester's file; a refused one is audited and answers 404 like an unknown id.
       */
      async downloadAttachment(actor: Actor, id: string, route: DownloadRoute, options: { requestId?: string } = {}): Promise<AttachmentDownload> {
        const repo = createCaseAttachmentsRepository(db);
        const row = uuidPattern.test(id) ? await repo.findById(id) : undefined;
        const caseRow = row?.case_id ? await createCasesRepository(db).findById(row.case_id) : undefined;
        const allowed = row && caseRow ? await mayDownload(actor, row, caseRow, route) : false;
        if (!row || !caseRow || !allowed) {
          if (actor.kind !== 'anonymous') {
            await audit.record(db, actor, {
              action: 'cases.attachment.denied',
              resourceType: 'attachment',
              resourceId: id.slice(0, 64),
              ...(options.requestId ? { requestId: options.requestId } : {}),
              details: { exists: row !== undefined },
            });
          }
          throw casesError('attachment-not-found');
        }
        const bytes = await repo.bytesOf(row.id);
        if (!bytes) throw casesError('attachment-not-found');
        if (actor.kind === 'staff') {
          await audit.record(db, actor, {
            action: 'cases.attachment.downloaded',
            subjectPersonId: caseRow.requester_person_id,
            resourceType: 'attachment',
            resourceId: row.id,
            purpose: 'case-handling',
            ...(options.requestId ? { requestId: options.requestId } : {}),
            details: { caseId: caseRow.id, reference: caseRow.reference, visibility: row.visibility },
          });
        }
        return { bytes, fileName: row.file_name, mediaType: row.media_type };
      },
    },
  };

  async function mayDownload(actor: Actor, row: AttachmentInfo, caseRow: CaseRow, route: DownloadRoute): Promise<boolean> {
    if (route.kind === 'staff') return actor.kind === 'staff' && staffCaseAccess(actor, factsOf(caseRow), policy) !== null;
    if (row.visibility !== 'resident') return false;
    if (route.kind === 'token') {
      const followed = await lookups.caseByToken(route.token).catch(() => undefined);
      return followed?.id === caseRow.id;
    }
    if (actor.kind !== 'resident') return false;
    const minors = caseRow.requester_person_id && caseRow.requester_person_id !== actor.personId ? await minorIdsOf(actor) : [];
    return residentMaySee(actor, factsOf(caseRow), minors);
  }
};

/** The attachments part of the cases service. */
export type CaseAttachmentsService = ReturnType<typeof createCaseAttachmentsService>;
