import { z } from 'zod';
import { slugSchema } from './case.schema.ts';

/**
 * Who owns a case: always a unit (a team of the city or a partner organisation), and once claimed
 * or assigned also a person of that team. Hand-over moves the case to another unit with a reason and
 * is counted; it never leaves a case without an owner. Who may assign or hand over is the policy's
 * business; these rules only say what a correct change looks like.
 */

/** A team from the city profile's `teams`, or a partner from its `partners`. */
export const ownerUnitSchema = z.strictObject({ kind: z.enum(['team', 'partner']), id: slugSchema });
export type OwnerUnit = z.infer<typeof ownerUnitSchema>;

export const caseOwnershipSchema = z.strictObject({
  owner: ownerUnitSchema,
  /** The employee working on it; null while it waits in the unit's queue. */
  assigneeId: z.string().min(1).nullable(),
  handOverCount: z.number().int().nonnegative(),
});
export type CaseOwnership = z.infer<typeof caseOwnershipSchema>;

/** The units a case may be handed to: the ids in the city profile. */
export type OwnerDirectory = { teamIds: readonly string[]; partnerIds: readonly string[] };

/** A hand-over reason must explain something to the next owner: at least this many characters. */
export const minimumHandOverReasonLength = 5;

/** What the timeline records for a hand-over. */
export type HandOverRecord = { from: OwnerUnit; to: OwnerUnit; reason: string; by: string; at: string; previousAssigneeId: string | null };

export const ownershipRefusalCodes = [
  /** The reason is missing or shorter than five characters. */
  'reason-required',
  /** Handing over to the unit that already owns the case. */
  'same-owner',
  /** The target team or partner is not in the city profile. */
  'unknown-owner',
  /** A partner owns the case: city staff cannot claim or be assigned until it is handed back. */
  'owned-by-partner',
  /** The person is not a member of the team that owns the case. */
  'not-in-owner-team',
  /** Someone else already works on the case (claim without taking over). */
  'already-claimed',
  /** Release by someone who is not the assignee. */
  'not-assignee',
] as const;
export type OwnershipRefusalCode = (typeof ownershipRefusalCodes)[number];

export type OwnershipResult<T = Record<never, never>> =
  | ({ ok: true; ownership: CaseOwnership } & T)
  | { ok: false; code: OwnershipRefusalCode; detail: string };

const refuse = (code: OwnershipRefusalCode, detail: string) => ({ ok: false as const, code, detail });

const sameUnit = (a: OwnerUnit, b: OwnerUnit) => a.kind === b.kind && a.id === b.id;

/** A new case, owned by the team routing chose, in its queue. */
export const initialOwnership = (teamId: string): CaseOwnership => ({ owner: { kind: 'team', id: teamId }, assigneeId: null, handOverCount: 0 });

/**
 * Passes the case to another team or partner. The reason is kept (trimmed) for the timeline and the
 * next owner; the person is cleared so the case lands in the new unit's queue; the count goes up.
 */
export const handOver = (
  ownership: CaseOwnership,
  command: { to: OwnerUnit; reason: string; by: string; at: Date },
  directory: OwnerDirectory,
): OwnershipResult<{ record: HandOverRecord }> => {
  const reason = command.reason.trim();
  if (reason.length < minimumHandOverReasonLength) {
    return refuse('reason-required', `a hand-over needs a reason of at least ${minimumHandOverReasonLength} characters`);
  }
  if (sameUnit(ownership.owner, command.to)) return refuse('same-owner', `the case is already owned by ${command.to.kind} ${command.to.id}`);
  const known = command.to.kind === 'team' ? directory.teamIds : directory.partnerIds;
  if (!known.includes(command.to.id)) return refuse('unknown-owner', `${command.to.kind} ${command.to.id} is not in the city profile`);
  return {
    ok: true,
    ownership: { owner: command.to, assigneeId: null, handOverCount: ownership.handOverCount + 1 },
    record: { from: ownership.owner, to: command.to, reason, by: command.by, at: command.at.toISOString(), previousAssigneeId: ownership.assigneeId },
  };
};

const assertTeamMember = (ownership: CaseOwnership, staffTeamIds: readonly string[]) => {
  if (ownership.owner.kind === 'partner') return refuse('owned-by-partner', `partner ${ownership.owner.id} owns the case; hand it back to a team first`);
  if (!staffTeamIds.includes(ownership.owner.id)) return refuse('not-in-owner-team', `the person is not a member of team ${ownership.owner.id}`);
  return null;
};

/**
 * An employee takes a case from their team's queue. Claiming one's own case again is fine; a case
 * someone else works on is refused unless `takeOver` is set (the policy decides who may do that).
 */
export const claim = (ownership: CaseOwnership, staff: { id: string; teamIds: readonly string[] }, options: { takeOver?: boolean } = {}): OwnershipResult => {
  const refusal = assertTeamMember(ownership, staff.teamIds);
  if (refusal) return refusal;
  if (ownership.assigneeId !== null && ownership.assigneeId !== staff.id && !options.takeOver) {
    return refuse('already-claimed', `${ownership.assigneeId} already works on the case`);
  }
  return { ok: true, ownership: { ...ownership, assigneeId: staff.id } };
};

/** Someone (a team lead, by policy) gives the case to a member of the owning team. */
export const assign = (ownership: CaseOwnership, assignee: { id: string; teamIds: readonly string[] }): OwnershipResult => {
  const refusal = assertTeamMember(ownership, assignee.teamIds);
  if (refusal) return refusal;
  return { ok: true, ownership: { ...ownership, assigneeId: assignee.id } };
};

/** The assignee puts the case back in the team's queue; the team keeps owning it. */
export const release = (ownership: CaseOwnership, staffId: string): OwnershipResult => {
  if (ownership.assigneeId !== staffId) return refuse('not-assignee', 'only the person who works on the case can release it');
  return { ok: true, ownership: { ...ownership, assigneeId: null } };
};
