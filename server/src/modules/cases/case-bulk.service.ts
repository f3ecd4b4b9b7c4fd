import type { AssigneesResponse, BulkAssignRequest, BulkAssignResponse, QueueItem } from '../../../../shared/src/cases/cases.contract.ts';
import { type BulkAssignResult, summarizeBulkAssign, uniqueCaseIds } from '../../../../shared/src/cases/index.ts';
import { type Actor, rolePermissions } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { AppError } from '../../platform/http/problem.ts';
import { createIdentityRepository } from '../identity/index.ts';
import type { CaseCore } from './case-core.ts';
import { type CasesProblem, casesError, casesProblems } from './cases.errors.ts';
import { teamsWithPermission } from './cases.policy.ts';
import { ownerView } from './cases.presenter.ts';
import { createCasesRepository } from './cases.repository.ts';

/** The single assignment (case-work.service) this builds on: its policy, rule, timeline entry and audit row. */
type AssignOne = (actor: Actor, caseId: string, staffId: string, lang: Language) => Promise<QueueItem>;

/**
 * Bulk assignment: a coordinator gives up to 100 cases to one member of the team. Each case goes
 * through the single assignment — same policy, same ownership rule, same timeline entry and audit
 * row — in a transaction of its own (ADR 6): a case a colleague claimed a moment ago is refused on
 * its line with the code a single assignment would answer, the others are assigned. A summary row
 * in the audit log records the request as a whole.
 */
export const createCaseBulkService = (core: CaseCore, assignOne: AssignOne) => {
  const { db, audit, city } = core;

  const titleOf = (code: string, lang: Language) => (code in casesProblems ? casesProblems[code as CasesProblem].title[lang] : code);

  return {
    /** Assigns each case in turn; answers one line per case, in the order asked (each id once). */
    async bulkAssign(actor: Actor, input: BulkAssignRequest, lang: Language): Promise<BulkAssignResponse> {
      if (actor.kind !== 'staff') throw casesError('case-not-found');
      const assignee = await createIdentityRepository(db).findStaff({ id: input.staffId });
      // Refused as a whole, before any case: the same answer for each case would say nothing more.
      if (!assignee?.active || assignee.organisation !== 'city') {
        throw new AppError('case-assignee-not-found', { fields: [{ field: 'staffId', code: 'assignee-not-found', message: {} }] });
      }
      const results: BulkAssignResult[] = [];
      for (const caseId of uniqueCaseIds(input.caseIds)) {
        try {
          const item = await assignOne(actor, caseId, assignee.id, lang);
          results.push({ caseId, result: 'assigned', reference: item.reference });
        } catch (error) {
          // Anything but a refusal (the database went away) stops the run: what was assigned stays assigned.
          if (!(error instanceof AppError)) throw error;
          // The reference only for a case the caller may see: a 404 must not confirm that an id exists.
          const reference = error.code === 'case-not-found' ? null : ((await createCasesRepository(db).findById(caseId))?.reference ?? null);
          results.push({ caseId, result: 'refused', code: error.code, title: titleOf(error.code, lang), reference });
        }
      }
      const summary = summarizeBulkAssign(results);
      await audit.record(db, actor, {
        action: 'cases.cases.bulk-assigned',
        resourceType: 'case',
        details: { assigneeId: assignee.id, requested: results.length, ...summary },
      });
      return { assignee: { id: assignee.id, name: assignee.displayName }, assigned: summary.assigned, refused: summary.refused, results };
    },

    /** Who a coordinator can give the team's cases to: active city staff who work cases in that team. */
    async assignees(actor: Actor, team: string, lang: Language): Promise<AssigneesResponse> {
      if (!city.teams.some((known) => known.id === team)) throw casesError('case-queue-not-found');
      if (actor.kind !== 'staff' || !teamsWithPermission(actor, 'cases:assign').includes(team)) throw casesError('case-queue-not-allowed');
      const staff = await createIdentityRepository(db).listStaff();
      const items = staff
        .filter(
          (member) =>
            member.active &&
            member.organisation === 'city' &&
            member.roles.some((grant) => grant.team === team && rolePermissions[grant.role].includes('cases:work')),
        )
        .map((member) => ({ id: member.id, name: member.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name, lang));
      return { team: ownerView(city, { kind: 'team', id: team }, lang), items };
    },
  };
};
