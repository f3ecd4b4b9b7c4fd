import type { DraftResponse } from '../../../../shared/src/cases/cases.contract.ts';
import { type DraftIssue, draftCutoff, draftExpired, draftIssues, draftLifetimeDays, maxDraftBytes } from '../../../../shared/src/cases/index.ts';
import type { Actor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { CaseCore } from './case-core.ts';
import { createDraftsRepository, type DraftOwner, type DraftRow } from './case-drafts.repository.ts';
import { casesError } from './cases.errors.ts';

/**
 * Drafts of request forms: a logged-in resident (`/api/drafts`) or an employee doing an assisted
 * intake (`/api/work/drafts`) keeps the answers so far, one draft per person and product. Drafts are
 * not validated as complete; they are shape-checked against the form and size-limited. The
 * submission deletes the draft in its own transaction (cases.service). Drafts older than 30 days
 * are purged when someone saves one (at most once an hour per process, like expired sessions at
 * login: no scheduler needed) and are never returned once expired.
 */

const purgeEveryMs = 60 * 60 * 1000;

const issueMessages: Record<DraftIssue['code'], Record<Language, string>> = {
  'draft-too-large': {
    nl: `Uw antwoorden zijn te groot om te bewaren (meer dan ${maxDraftBytes / 1024} kB).`,
    fr: `Vos réponses sont trop volumineuses pour être enregistrées (plus de ${maxDraftBytes / 1024} ko).`,
    en: `Your answers are too large to save (more than ${maxDraftBytes / 1024} kB).`,
  },
  'draft-unknown-field': {
    nl: 'Deze vraag hoort niet bij dit formulier.',
    fr: 'Cette question ne fait pas partie de ce formulaire.',
    en: 'This question is not part of this form.',
  },
  'draft-too-deep': {
    nl: 'Dit antwoord heeft een vorm die het formulier niet kent.',
    fr: 'Cette réponse a une forme que le formulaire ne connaît pas.',
    en: 'This answer has a shape the form does not know.',
  },
};

/** Who a draft belongs to: the resident in the portal, the employee in the workspace. */
export const draftOwnerOf = (actor: Actor, surface: 'portal' | 'work'): DraftOwner | null => {
  if (surface === 'portal' && actor.kind === 'resident') return { kind: 'resident', id: actor.accountId };
  if (surface === 'work' && actor.kind === 'staff') return { kind: 'staff', id: actor.staffId };
  return null;
};

export const createCaseDraftsService = (core: CaseCore) => {
  const { db, clock, formFor, presentContext } = core;
  let lastPurge = 0;

  const ownerFor = (actor: Actor, surface: 'portal' | 'work'): DraftOwner => {
    const owner = draftOwnerOf(actor, surface);
    if (!owner) throw casesError('case-draft-not-found');
    return owner;
  };

  const view = (row: DraftRow): DraftResponse => {
    const updatedAt = new Date(row.updated_at);
    return {
      product: row.product_slug,
      answers: row.answers as Record<string, unknown>,
      updatedAt: updatedAt.toISOString(),
      expiresAt: new Date(updatedAt.getTime() + draftLifetimeDays * 24 * 60 * 60 * 1000).toISOString(),
    };
  };

  // Published products only: the catalogue's titles are cached, so an autosave does not read the catalogue.
  const assertProduct = async (product: string) => {
    if (!(await presentContext('nl')).productTitle(product)) throw casesError('case-product-not-found');
  };

  const purgeExpiredDrafts = async (): Promise<number> => {
    const now = clock.now();
    lastPurge = now.getTime();
    return createDraftsRepository(db).deleteSavedBefore(draftCutoff(now));
  };

  return {
    /** The caller's draft of this product's form; `case-draft-not-found` when there is none (or it expired). */
    async getDraft(actor: Actor, surface: 'portal' | 'work', product: string): Promise<DraftResponse> {
      const owner = ownerFor(actor, surface);
      const repo = createDraftsRepository(db);
      const row = await repo.find(owner, product);
      if (!row) throw casesError('case-draft-not-found');
      if (draftExpired(new Date(row.updated_at), clock.now())) {
        await repo.delete(owner, product);
        throw casesError('case-draft-not-found');
      }
      return view(row);
    },

    /** Saves the answers so far, replacing the previous draft. Shape and size are checked, completeness is not. */
    async saveDraft(actor: Actor, surface: 'portal' | 'work', product: string, answers: Record<string, unknown>): Promise<DraftResponse> {
      const owner = ownerFor(actor, surface);
      await assertProduct(product);
      const issues = draftIssues(formFor(product).form, answers);
      if (issues.length > 0) {
        throw new AppError(issues.some((issue) => issue.code === 'draft-too-large') ? 'case-draft-too-large' : 'case-draft-invalid', {
          fields: issues.map((issue) => ({ field: issue.field, code: issue.code, message: issueMessages[issue.code] })),
        });
      }
      const now = clock.now();
      const row = await createDraftsRepository(db).save(owner, product, answers, now);
      if (now.getTime() - lastPurge > purgeEveryMs) await purgeExpiredDrafts();
      return view(row);
    },

    /** Throws the draft away ("start over"); nothing to delete is fine. */
    async deleteDraft(actor: Actor, surface: 'portal' | 'work', product: string): Promise<void> {
      await createDraftsRepository(db).delete(ownerFor(actor, surface), product);
    },

    /** Deletes every draft older than 30 days; returns how many (for a scheduled job or an operator). */
    purgeExpiredDrafts,
  };
};
