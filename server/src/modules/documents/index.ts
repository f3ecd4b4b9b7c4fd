/**
 * The documents module (issue 5, item 4): certificates the city issues on its own at any hour,
 * built from the population register (certificates.rules.ts), rendered as accessible PDFs by
 * platform/documents, stored with a verification code (table `documents`, migration
 * 202611251520_documents.sql), verifiable by anyone at /verify/<code> and downloadable by the
 * person they are about and by staff working their case.
 *
 * Wiring (app.ts, in the /api context, after the cases service exists):
 * `const documents = createDocumentsService({ db, audit, clock, city, register, publicUrl, caseAccess: cases })`,
 * `api.register(documentsRoutes, { documents })`, and for the cases module either
 * `automation: createCertificateAutomation(documents)` (issued in the request) or the
 * `documents.issue` queue (createDocumentsIssueQueue: defined before jobs.start(), attached in
 * buildApp with the cases service's completeWithDocument and failAutomation).
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
  type IssuedDocument,
  type IssueInput,
} from './documents.service.ts';
export {
  createDocumentsIssueQueue,
  type DocumentsIssueQueue,
  type DocumentsIssueQueueOptions,
  documentsIssueQueueName,
  handleIssueJob,
  type IssueCompletion,
  type IssueJobData,
  type IssueJobDeps,
  sendIssueJob,
} from './documents-issue.job.ts';
