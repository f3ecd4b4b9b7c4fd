/**
 * The documents module (issue 5, item 4): certificates the city issues on its own at any hour,
 * built from the population register (certificates.rules.ts), rendered as accessible PDFs by
 * platform/documents, stored with a verification code (table `documents`, migration
 * 202611251520_documents.sql), verifiable by anyone at /verify/<code> and downloadable by the
 * person they are about and by staff working their case.
 *
 * Wiring (app.ts, in the /api context, after the cases service exists):
 * `const documents = createDocumentsService({ db, audit, clock, city, register, publicUrl, caseAccess: cases })`,
 * `api.register(documentsRoutes, { documents })`, and for the cases module
 * `automation: createCertificateAutomation(documents)`: issued in the request; a case a stopped
 * process left behind is picked up by the cases module's automation sweep (`resumeAutomation`).
 *
 * Contracts: shared/src/documents (verification codes, the verification answer).
 */
export {
  automationDecision,
  buildCertificate,
  type CertificateContent,
  type CertificateContext,
  type CertificateData,
  CertificateRefusal,
  civilStatusActCopy,
  criminalRecordExtract,
  householdCertificate,
  issuerOf,
  type RefusalReason,
  residenceCertificate,
} from './certificates.rules.ts';
export { type DocumentsProblem, documentsError, documentsProblems } from './documents.errors.ts';
export { type DocumentsRoutesOptions, documentsRoutes } from './documents.routes.ts';
export {
  type CaseAccess,
  type CertificateRequest,
  createCertificateAutomation,
  createDocumentsService,
  type DocumentsDeps,
  type DocumentsService,
  documentDownloadPath,
  type IssuedCaseDocument,
  type IssueInput,
} from './documents.service.ts';
