import { describe, expect, it } from 'vitest';
import { CertificateRefusal } from './certificates.rules.ts';
import type { CertificateRequest, IssuedCaseDocument } from './documents.service.ts';
import { createDocumentsIssueQueue, handleIssueJob, type IssueJobDeps } from './documents-issue.job.ts';

const request: CertificateRequest = {
  caseId: 'c1',
  reference: 'HB-2026-000001',
  product: 'attest-woonst',
  personId: 'p1',
  answers: {},
  language: 'nl',
};
const document: IssuedCaseDocument = { id: 'd1', title: 'Attest van woonst', fileName: 'a.pdf', downloadUrl: '/api/documents/d1', verificationCode: 'X' };

const recorder = (issue: IssueJobDeps['issue']) => {
  const calls: string[] = [];
  const deps: IssueJobDeps = {
    issue,
    onIssued: async (caseId, issued) => calls.push(`issued ${caseId} ${issued.id}`),
    onFailed: async (caseId, error) => calls.push(`failed ${caseId} ${error.message}`),
  };
  return { deps, calls };
};

describe('handleIssueJob', () => {
  it('reports the document when issuing succeeds', async () => {
    const { deps, calls } = recorder(async () => document);
    await handleIssueJob(deps, request, { final: false });
    expect(calls).toEqual(['issued c1 d1']);
  });

  it('throws a fault before the last attempt (pg-boss retries), and reports it on the last', async () => {
    const { deps, calls } = recorder(async () => {
      throw new Error('register unreachable');
    });
    await expect(handleIssueJob(deps, request, { final: false })).rejects.toThrow('register unreachable');
    expect(calls).toEqual([]);
    await handleIssueJob(deps, request, { final: true });
    expect(calls).toEqual(['failed c1 register unreachable']);
  });

  it('reports a refusal at once: retrying cannot change the answer', async () => {
    const { deps, calls } = recorder(async () => {
      throw new CertificateRefusal('not-registered-here', 'Kortrijk');
    });
    await handleIssueJob(deps, request, { final: false });
    expect(calls).toEqual(['failed c1 not-registered-here: Kortrijk']);
  });
});

describe('createDocumentsIssueQueue', () => {
  it('fails (and so retries) a job that arrives before the handler is attached, then runs it once attached', async () => {
    const queue = createDocumentsIssueQueue();
    expect(queue.definition).toMatchObject({ name: 'documents.issue', retryLimit: 3, retryDelaySeconds: 5 });
    const meta = { id: 'j1', attempt: 0, retryLimit: 3, final: false };
    await expect(queue.definition.handler(request, meta)).rejects.toThrow(/no handler attached/);
    const { deps, calls } = recorder(async () => document);
    queue.attach(deps);
    await queue.definition.handler(request, meta);
    expect(calls).toEqual(['issued c1 d1']);
  });
});
