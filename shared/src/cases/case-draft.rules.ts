import type { FormDefinition } from '../forms/index.ts';

/**
 * Drafts ("concept"): the answers a logged-in resident (or an employee doing an assisted intake)
 * has given so far, kept on the server so a closed tab or a lost connection costs nothing. A draft
 * is not a submission: it is never checked for completeness, only for shape and size, so that it
 * cannot become a place to store anything else. It expires after `draftLifetimeDays`.
 */

/** A draft not touched for this many days is gone (and purged). */
export const draftLifetimeDays = 30;

/** The largest draft, as UTF-8 JSON: far above any real form, far below a file. Files are uploaded, not drafted. */
export const maxDraftBytes = 64 * 1024;

/** Nesting deeper than files in a group (answers → group → item → files → file) is not a form answer. */
export const maxDraftDepth = 5;

/** One reason a draft is refused, on the field it concerns (`answers.<id>`). */
export type DraftIssue = { field: string; code: 'draft-too-large' | 'draft-unknown-field' | 'draft-too-deep' };

const depthOf = (value: unknown): number => {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
};

/** The size of the answers as the database stores them (UTF-8 JSON). */
export const draftBytes = (answers: Record<string, unknown>): number => new TextEncoder().encode(JSON.stringify(answers)).length;

/**
 * What is wrong with partial answers as a draft of `form`: too large, a key that is not one of the
 * form's questions, or nesting no form produces. Missing and invalid answers are fine: it is a draft.
 */
export const draftIssues = (form: Pick<FormDefinition, 'fields'>, answers: Record<string, unknown>): DraftIssue[] => {
  if (draftBytes(answers) > maxDraftBytes) return [{ field: 'answers', code: 'draft-too-large' }];
  const known = new Set(form.fields.map((field) => field.id));
  const issues: DraftIssue[] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key)) issues.push({ field: `answers.${key}`, code: 'draft-unknown-field' });
    else if (depthOf(value) > maxDraftDepth - 1) issues.push({ field: `answers.${key}`, code: 'draft-too-deep' });
  }
  return issues;
};

/** Whether a draft last saved at `updatedAt` has expired at `now`. */
export const draftExpired = (updatedAt: Date, now: Date): boolean => now.getTime() - updatedAt.getTime() > draftLifetimeDays * 24 * 60 * 60 * 1000;

/** The moment before which drafts are purged. */
export const draftCutoff = (now: Date): Date => new Date(now.getTime() - draftLifetimeDays * 24 * 60 * 60 * 1000);
