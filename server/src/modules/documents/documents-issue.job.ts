import type { Db } from '../../platform/db/database.ts';
import type { JobMeta, Jobs, QueueDefinition } from '../../platform/jobs/jobs.ts';
import { CertificateRefusal } from './certificates.rules.ts';
import type { CertificateRequest, IssuedCaseDocument } from './documents.service.ts';

/**
 * The `documents.issue` job queue: issues the certificate of a case in the background, with
 * retries, and tells the cases module how it went. A fault (the register unreachable, the renderer
 * failing) is retried with backoff; when the last retry fails, or at once when a person must handle
 * the request (CertificateRefusal), `onFailed` sends the case to its team's queue, which puts the
 * error in the timeline and tells the resident a person takes over.
 *
 * The job's data is the request itself (answers included), so a worker needs nothing from the
 * cases module to run it; pg-boss deletes finished jobs after its retention period.
 */

export const documentsIssueQueueName = 'documents.issue';

/** A job's data: the certificate request of one case. */
export type IssueJobData = CertificateRequest;

/** What the cases module provides: its `completeWithDocument` and `failAutomation`. */
export type IssueCompletion = {
  onIssued: (caseId: string, document: IssuedCaseDocument) => Promise<unknown>;
  onFailed: (caseId: string, error: Error) => Promise<unknown>;
};

export type IssueJobDeps = IssueCompletion & {
  /** The documents service's `issueForCase` (idempotent per case, so a retry never issues twice). */
  issue: (request: CertificateRequest) => Promise<IssuedCaseDocument>;
};

/**
 * One run of the job. Throws (so pg-boss retries) only for a fault before the last attempt; if
 * `onIssued` itself fails the job is retried too, and the retry finds the stored document.
 */
export const handleIssueJob = async (deps: IssueJobDeps, data: IssueJobData, meta: Pick<JobMeta, 'final'>): Promise<void> => {
  let document: IssuedCaseDocument;
  try {
    document = await deps.issue(data);
  } catch (error) {
    if (!(error instanceof CertificateRefusal) && !meta.final) throw error;
    await deps.onFailed(data.caseId, error instanceof Error ? error : new Error(String(error)));
    return;
  }
  await deps.onIssued(data.caseId, document);
};

export type DocumentsIssueQueueOptions = {
  /** Retries after the first attempt (default 3: about half a minute of trying before a person takes over). */
  retryLimit?: number;
  /** First retry delay, doubled on each retry (default 5). */
  retryDelaySeconds?: number;
  pollingIntervalSeconds?: number;
};

/**
 * The queue, declared before `jobs.start()` (where the platform's queues are defined) and given
 * its dependencies later with `attach`, once the documents and cases services exist (in buildApp).
 * A job that arrives before `attach` fails and is retried.
 */
export const createDocumentsIssueQueue = (options: DocumentsIssueQueueOptions = {}) => {
  let deps: IssueJobDeps | null = null;
  const definition: QueueDefinition<IssueJobData> = {
    name: documentsIssueQueueName,
    retryLimit: options.retryLimit ?? 3,
    retryDelaySeconds: options.retryDelaySeconds ?? 5,
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    handler: async (data, meta) => {
      if (!deps) throw new Error(`${documentsIssueQueueName}: no handler attached yet (attach it in buildApp)`);
      await handleIssueJob(deps, data, meta);
    },
  };
  return {
    definition,
    /** Gives the handler the documents service and the cases module's callbacks. */
    attach(next: IssueJobDeps): void {
      deps = next;
    },
  };
};

/** The queue object: see createDocumentsIssueQueue. */
export type DocumentsIssueQueue = ReturnType<typeof createDocumentsIssueQueue>;

/**
 * Queues the certificate of a case. Pass the transaction that created (or changed) the case as
 * `db`: the job then exists only if it commits. One job per case at a time (singleton key).
 */
export const sendIssueJob = (jobs: Pick<Jobs, 'send'>, request: CertificateRequest, options: { db?: Db } = {}): Promise<string | null> =>
  jobs.send(
    documentsIssueQueueName,
    {
      caseId: request.caseId,
      reference: request.reference,
      product: request.product,
      personId: request.personId,
      answers: request.answers,
      language: request.language,
    } satisfies IssueJobData,
    { singletonKey: request.caseId, ...(options.db ? { db: options.db } : {}) },
  );
