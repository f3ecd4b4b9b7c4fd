import { z } from 'zod';

/**
 * The vocabulary every case rule shares: statuses, product families, who acts and through which
 * channel a case came in. Kept apart from the rules so that the contracts and the web can import
 * the enums without the state machine.
 */

/**
 * Where a case stands. `waiting-for-resident` stops the deadline clock; `waiting-for-advice` (permits
 * only) does not, because asking a partner for advice is the city's own time. `closed`, `rejected`
 * and `withdrawn` are final.
 */
export const caseStatuses = ['received', 'in-progress', 'waiting-for-resident', 'waiting-for-advice', 'decided', 'closed', 'rejected', 'withdrawn'] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Statuses from which no transition leads anywhere. */
export const finalCaseStatuses: readonly CaseStatus[] = ['closed', 'rejected', 'withdrawn'];

/** Whether a case in this status still needs work (everything but the final statuses and `decided`). */
export const isOpenStatus = (status: CaseStatus): boolean => !finalCaseStatuses.includes(status) && status !== 'decided';

/** Whether no transition leaves this status. */
export const isFinalStatus = (status: CaseStatus): boolean => finalCaseStatuses.includes(status);

/**
 * How a product is handled, which decides the status machine: `certificate` (an attest the system can
 * issue on its own, with a human queue as fallback), `general` (a question or request handled by
 * staff), `permit` (a decision that may need advice from partners such as the police or fire zone)
 * and `report` (a melding about public space).
 */
export const productFamilies = ['certificate', 'general', 'permit', 'report'] as const;
export const productFamilySchema = z.enum(productFamilies);
export type ProductFamily = z.infer<typeof productFamilySchema>;

/** Who triggers a change: the resident (or organisation) who asked, an employee, or the platform itself. */
export const actorKinds = ['resident', 'staff', 'system'] as const;
export const actorKindSchema = z.enum(actorKinds);
export type ActorKind = z.infer<typeof actorKindSchema>;

/**
 * The channel a case came in through. The first six are the city profile's channels; `partner` is a
 * partner organisation passing a case on, `api` a client application, `email` a mail to a team mailbox.
 */
export const caseChannels = ['online', 'phone', 'counter', 'quick-desk', 'kiosk', 'home', 'partner', 'api', 'email'] as const;
export const caseChannelSchema = z.enum(caseChannels);
export type CaseChannel = z.infer<typeof caseChannelSchema>;

/** A code name as the city profile and catalogue use them (team ids, partner ids, product slugs). */
export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug: lower-case letters, digits and single hyphens');

/** An instant as an ISO 8601 string with offset (what `Date.toISOString()` writes). */
export const instantSchema = z.iso.datetime({ offset: true });

/** A period during which the case waited for the resident; `to` is absent while it still waits. */
export const casePauseSchema = z.strictObject({
  from: instantSchema,
  to: instantSchema.optional(),
});
export type CasePause = z.infer<typeof casePauseSchema>;
