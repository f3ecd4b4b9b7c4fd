/**
 * The cases module (issue 5): every request, question or report becomes one case with a human
 * reference, one owner from first contact to closure, a status, a due date in working days and a
 * timeline the requester can follow.
 *
 * Wiring (app.ts): `const setup = await loadCasesSetup({ cityProfilePath, city })` (routing rules,
 * form definitions and message templates, validated at start), then `createCasesService({ db, audit, clock, city, mail,
 * register, products: catalog, setup, publicUrl, secretKey, automation })` and register
 * `casesRoutes` and `caseWorkRoutes` with `{ cases }` in the /api context.
 *
 * Automated certificates plug in through `CaseAutomation` (`handles(product)`, `prepare(request)`
 * → a document to store): a submission makes the document first and stores it in the transaction
 * that stores the case, closed at once; when it cannot be made the case goes to the team's queue
 * (`failAutomation`). `resumeAutomation()` completes automated cases left `received`. `canSee(actor, caseId)` answers
 * the documents module's download check.
 *
 * Tables: `cases`, `case_events`, `case_reference_counters` (migration 202611251500_cases_core.sql),
 * `case_attachments` (uploads and the files of cases, 202612030900_cases_attachments.sql; register
 * `caseAttachmentsRoutes` with `{ cases }` too; uploads nobody attached are removed after a day),
 * `case_drafts` (drafts of request forms, 202612030910_cases_drafts.sql; register `caseDraftsRoutes`
 * with `{ cases }` too; expired drafts are purged on save, or by `cases.purgeExpiredDrafts()`).
 * Message templates (`config/templates/<city>.yaml`) and bulk assignment: ADR 6. The 360° strip shows the
 * requester's upcoming appointments when the appointments module is given as `appointments` (`CaseAppointments`).
 * Contracts: shared/src/cases/cases.contract.ts. Rules: shared/src/cases (status machine, deadlines,
 * ownership, routing, references, intake, message templates, drafts, bulk assignment) and
 * `cases.policy.ts` (who sees which case).
 */

export { type CaseAttachmentsRoutesOptions, caseAttachmentsRoutes } from './case-attachments.routes.ts';
export {
  type AutomationRequest,
  type CaseAutomation,
  type CaseDocument,
  type CaseProducts,
  type CasesDeps,
  defaultServiceNormDays,
  type PreparedAutomation,
} from './case-core.ts';
export { type CaseDraftsRoutesOptions, caseDraftsRoutes } from './case-drafts.routes.ts';
export { type CaseWorkRoutesOptions, caseWorkRoutes } from './case-work.routes.ts';
export { type CasesProblem, casesError, casesProblems } from './cases.errors.ts';
export { type CasesRoutesOptions, casesRoutes } from './cases.routes.ts';
export { type CasesService, createCasesService, type SubmissionResult } from './cases.service.ts';
export { type CasesSetup, CasesSetupError, loadCasesSetup, parseRoutingFile, parseTemplatesFile } from './cases.setup.ts';
