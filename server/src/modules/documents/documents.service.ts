import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { CityProfile, LocalizedText } from '../../../../shared/src/city/index.ts';
import { generateVerificationCode, parseVerificationCode, type VerificationResponse } from '../../../../shared/src/documents/index.ts';
import type { FormAnswers } from '../../../../shared/src/forms/index.ts';
import { type Actor, hasPermission } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type CertificatePdfInput, type RenderedPdf, renderCertificatePdf } from '../../platform/documents/certificate-pdf.ts';
import type { PopulationRegister } from '../register/index.ts';
import {
  automationDecision,
  buildCertificate,
  type CertificateContent,
  CertificateRefusal,
  certificateFileName,
  documentLanguageOf,
  isCertificateKind,
  issuerOf,
} from './certificates.rules.ts';
import { documentsError, invalidCodeError } from './documents.errors.ts';
import { createDocumentsRepository, type DocumentInfo } from './documents.repository.ts';

/**
 * Documents the city issues (issue 5, item 4): certificates built from the population register,
 * rendered as accessible PDFs, stored with their verification code, verifiable by anyone and
 * downloadable by the person they are about (and by staff working the case).
 */

/** Who may see a case: the cases service's `canSee`, passed in by the composition root. */
export type CaseAccess = { canSee: (actor: Actor, caseId: string) => Promise<boolean> };

/**
 * A request to issue the certificate of a case, as the cases module hands it to automation
 * (its `AutomationRequest` has these fields and more).
 */
export type CertificateRequest = {
  caseId: string;
  /** The case reference, printed under the title and used in the file name. */
  reference: string;
  /** The product slug: the certificate's kind. */
  product: string;
  /** The register person the certificate is about. */
  personId: string;
  answers: FormAnswers;
  /** The request's language; the form's `documentLanguage` answer wins when there is one. */
  language: Language;
};

/**
 * A document as the case timeline shows it (the cases module's `CaseDocument` has this shape).
 * The title is in the document's language, which is the one the resident chose.
 */
export type IssuedCaseDocument = {
  id: string;
  title: LocalizedText | string;
  fileName: string;
  /** The resident's download route; staff use `/api/work/documents/<id>`. */
  downloadUrl: string;
  verificationCode: string;
};

/**
 * A certificate made for a case and not stored yet; `store` writes it in the caller's transaction.
 * `subMunicipality`: where its subject lives now, as the register said while making it.
 */
export type PreparedCaseDocument = {
  /** The document as `store` writes it (or as it already was), known before it is stored. */
  document: IssuedCaseDocument;
  store: (trx: Db) => Promise<IssuedCaseDocument>;
  subMunicipality?: string | null;
};

/** What a document is stored with: its built content, and whom and which case it belongs to. */
export type IssueInput = { content: CertificateContent; caseId: string | null; subjectPersonId: string | null };

export type DocumentsDeps = {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  city: CityProfile;
  register: PopulationRegister;
  /** The portal's public base URL: the verification link and QR code point to `<publicUrl>/verify/<code>`. */
  publicUrl: string;
  /** The cases module's policy for downloads (see `download`). Without it only the subject person may download. */
  caseAccess?: CaseAccess;
  /** How many certificates are prepared at the same time (default 4; the app passes its PDF threads + 1); the others wait in order. */
  issueConcurrency?: number;
  /** The PDF renderer; tests replace it to force a failure. */
  render?: (input: CertificatePdfInput) => Promise<RenderedPdf>;
  /** New verification codes; tests may fix them. */
  generateCode?: () => string;
};

const systemActor: AuditActor = { kind: 'system', name: 'documents' };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The resident's download route of a document. */
export const documentDownloadPath = (id: string): string => `/api/documents/${id}`;

const caseDocumentOf = (info: Pick<DocumentInfo, 'id' | 'title' | 'file_name' | 'verification_code'>): IssuedCaseDocument => ({
  id: info.id,
  title: info.title,
  fileName: info.file_name,
  downloadUrl: documentDownloadPath(info.id),
  verificationCode: info.verification_code,
});

export const createDocumentsService = (deps: DocumentsDeps) => {
  const { db, audit, clock, city, register } = deps;
  const render = deps.render ?? renderCertificatePdf;
  const generateCode = deps.generateCode ?? (() => generateVerificationCode());

  /** Renders the content as a PDF with a new verification code; nothing is stored yet. */
  const renderDocument = async (content: CertificateContent) => {
    const issuedAt = clock.now();
    const code = generateCode();
    const { bytes, sha256 } = await render({
      lang: content.lang,
      title: content.title,
      subject: content.subject,
      issuer: content.printed.issuer,
      ...(content.printed.reference ? { reference: content.printed.reference } : {}),
      issuedAt,
      timeZone: city.timeZone,
      sections: content.printed.sections,
      verification: { code, publicUrl: deps.publicUrl },
    });
    return { issuedAt, code, bytes, sha256 };
  };
  type RenderedDocument = Awaited<ReturnType<typeof renderDocument>>;

  /**
   * Stores a rendered document in the caller's transaction (so it exists exactly when the caller's
   * change commits). Throws when a valid document of this kind already exists for the case;
   * `issueForCase` handles that race.
   */
  const storeDocument = async (trx: Db, input: IssueInput, rendered: RenderedDocument, document: IssuedCaseDocument): Promise<void> => {
    const { content } = input;
    const row = await createDocumentsRepository(trx).insert({
      id: document.id,
      case_id: input.caseId,
      kind: content.kind,
      language: content.lang,
      title: content.title,
      file_name: document.fileName,
      verification_code: rendered.code,
      sha256: rendered.sha256,
      bytes: rendered.bytes,
      issued_at: rendered.issuedAt,
      subject_person_id: input.subjectPersonId,
      printed_facts: JSON.stringify(content.printed),
    });
    if (!row) throw new DocumentExistsError(input.caseId ?? '', content.kind);
  };

  // Certificates are issued a few at a time, first come first served: under a burst every request
  // waits its turn in order instead of all of them interleaving and the unlucky ones waiting longest.
  const issuing = pLimit(deps.issueConcurrency ?? 4);

  /**
   * Makes the certificate of a case (register reads, PDF) without storing it: `store` writes it
   * and its audit row in the caller's transaction, so the document exists exactly when the
   * caller's change commits. For a case created in that same transaction (`fresh`) there is no
   * earlier document to look for; otherwise a valid one already stored is what `store` returns.
   */
  const prepareOne = async (request: CertificateRequest, fresh: boolean): Promise<PreparedCaseDocument> => {
    const decision = automationDecision(request.product, request.answers);
    if (!decision.automated) throw new CertificateRefusal(decision.reason);
    if (!fresh) {
      const existing = await createDocumentsRepository(db).findValidForCase(request.caseId, decision.kind);
      if (existing) {
        const document = caseDocumentOf(existing);
        return { document, store: async () => document };
      }
    }
    // Person, household and address history in one read; the household composition is printed
    // only on the certificate about it.
    const file = await register.getPersonFile(request.personId);
    const person = file?.person ?? null;
    const household = decision.kind === 'attest-gezinssamenstelling' ? (file?.household ?? null) : null;
    const history = file?.history ?? [];
    const content = buildCertificate(
      decision.kind,
      { issuer: issuerOf(city, documentLanguageOf(request.answers, request.language)), reference: request.reference, requestLanguage: request.language },
      { person, household, history, answers: request.answers },
    );
    // Rendered before any transaction: no connection is held while the PDF is made.
    const rendered = await renderDocument(content);
    const current = file?.household?.address ?? history.find((entry) => entry.validTo === null)?.address;
    // The id is made here, so the document and its audit row go to the database together.
    const id = randomUUID();
    const document: IssuedCaseDocument = {
      id,
      title: content.title,
      fileName: certificateFileName(content.kind, content.printed.reference ?? rendered.code),
      downloadUrl: documentDownloadPath(id),
      verificationCode: rendered.code,
    };
    return {
      document,
      subMunicipality: current?.subMunicipality ?? null,
      store: async (trx) => {
        await Promise.all([
          storeDocument(trx, { content, caseId: request.caseId, subjectPersonId: request.personId }, rendered, document),
          audit.record(trx, systemActor, {
            action: 'documents.document.issued',
            subjectPersonId: request.personId,
            resourceType: 'document',
            resourceId: id,
            details: { kind: decision.kind, caseId: request.caseId, reference: request.reference },
          }),
        ]);
        return document;
      },
    };
  };

  const prepareForCase = (request: CertificateRequest, options: { fresh: boolean }): Promise<PreparedCaseDocument> =>
    issuing(() => prepareOne(request, options.fresh));

  return {
    /**
     * Whether the certificate for this product (and these answers, when given) is issued without
     * a person: the four certificates, except criminal record models 596.x, a household composition
     * on an earlier date and a copy of someone else's act. Satisfies `CaseAutomation.handles`.
     */
    handles(product: string, answers?: FormAnswers): boolean {
      return answers ? automationDecision(product, answers).automated : isCertificateKind(product);
    },

    /**
     * Issues the certificate of a case from the register: idempotent per case (a second call
     * returns the first document). Throws CertificateRefusal when a person must handle it (never
     * worth a retry), anything else on a fault (the register unreachable, the renderer failing).
     */
    async issueForCase(request: CertificateRequest): Promise<IssuedCaseDocument> {
      const prepared = await prepareForCase(request, { fresh: false });
      try {
        return await db.transaction().execute((trx) => prepared.store(trx));
      } catch (error) {
        if (!(error instanceof DocumentExistsError)) throw error;
        const winner = await createDocumentsRepository(db).findValidForCase(error.caseId, error.kind);
        if (!winner) throw error;
        return caseDocumentOf(winner);
      }
    },

    /**
     * The certificate of a case made and not yet stored (see prepareOne): the cases module stores
     * it in the transaction that completes the case. Pass `fresh` for a case that transaction
     * creates. Throws like issueForCase.
     */
    prepareForCase,

    /**
     * Public verification: whether a code belongs to a document the city issued, with what is
     * printed on it. A malformed code is a field error (before any lookup), an unknown one 404.
     */
    async verify(typed: string): Promise<VerificationResponse> {
      const parsed = parseVerificationCode(typed);
      if (!parsed.ok) throw invalidCodeError(parsed.error);
      const row = await createDocumentsRepository(db).findByCode(parsed.code);
      if (!row) throw documentsError('document-code-unknown');
      return {
        genuine: row.revoked_at === null,
        status: row.revoked_at === null ? 'valid' : 'revoked',
        code: row.verification_code,
        kind: row.kind,
        title: row.title,
        language: row.language as Language,
        issuedAt: new Date(row.issued_at).toISOString(),
        revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
        sha256: row.sha256,
        printed: row.printed_facts as VerificationResponse['printed'],
      };
    },

    /**
     * The PDF for someone allowed to have it: the resident it is about, a resident who may see its
     * case (a parent for a minor's certificate), or staff with `cases:work` who may see its case
     * (their team owns it). Everyone else gets 404, and the attempt is written to the audit log.
     * Staff downloads are audited as reads of the person's file.
     */
    async download(actor: Actor, id: string, options: { requestId?: string } = {}): Promise<{ bytes: Buffer; fileName: string }> {
      const repository = createDocumentsRepository(db);
      const row = uuidPattern.test(id) ? await repository.findById(id) : undefined;
      const allowed = row ? await mayDownload(actor, row) : false;
      if (!row || !allowed) {
        if (actor.kind !== 'anonymous') {
          await audit.record(db, actor, {
            action: 'documents.document.denied',
            resourceType: 'document',
            resourceId: id.slice(0, 64),
            ...(options.requestId ? { requestId: options.requestId } : {}),
            details: { exists: row !== undefined },
          });
        }
        throw documentsError('document-not-found');
      }
      const bytes = await repository.bytesOf(row.id);
      if (!bytes) throw documentsError('document-not-found');
      if (actor.kind === 'staff') {
        await audit.record(db, actor, {
          action: 'documents.document.downloaded',
          subjectPersonId: row.subject_person_id,
          resourceType: 'document',
          resourceId: row.id,
          purpose: 'case-work',
          ...(options.requestId ? { requestId: options.requestId } : {}),
          details: { kind: row.kind, caseId: row.case_id },
        });
      }
      return { bytes, fileName: row.file_name };
    },
  };

  async function mayDownload(actor: Actor, row: DocumentInfo): Promise<boolean> {
    if (actor.kind === 'resident') {
      if (actor.personId !== null && row.subject_person_id === actor.personId) return true;
      return row.case_id !== null && deps.caseAccess !== undefined && (await deps.caseAccess.canSee(actor, row.case_id));
    }
    if (actor.kind === 'staff') {
      if (!hasPermission(actor, 'cases:work') || row.case_id === null || !deps.caseAccess) return false;
      return deps.caseAccess.canSee(actor, row.case_id);
    }
    return false;
  }
};

/** A valid document of this kind already exists for the case (a concurrent or repeated run). */
class DocumentExistsError extends Error {
  override name = 'DocumentExistsError';
  readonly caseId: string;
  readonly kind: string;
  constructor(caseId: string, kind: string) {
    super(`case ${caseId} already has a valid ${kind}`);
    this.caseId = caseId;
    this.kind = kind;
  }
}

/** The documents service: see createDocumentsService. */
export type DocumentsService = ReturnType<typeof createDocumentsService>;

/**
 * The documents service as the cases module's `CaseAutomation`: `handles` says which products
 * complete on their own (pass the answers when you have them: criminal record models 596.x, a
 * household composition on an earlier date and someone else's act need a person), `prepare` makes
 * the certificate and hands back how to store it in the transaction that completes the case.
 * Any error makes the cases module send the case to its team's queue; a case left `received` (the
 * process stopped, or an older version stored the case first) is completed by the automation sweep.
 */
export const createCertificateAutomation = (documents: Pick<DocumentsService, 'handles' | 'prepareForCase'>) => ({
  handles: (product: string, answers?: FormAnswers): boolean => documents.handles(product, answers),
  prepare: (request: CertificateRequest, options: { fresh: boolean }): Promise<PreparedCaseDocument> => documents.prepareForCase(request, options),
});
