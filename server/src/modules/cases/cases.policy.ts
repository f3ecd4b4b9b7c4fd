import { Temporal } from '@js-temporal/polyfill';
import type { OwnerUnit } from '../../../../shared/src/cases/index.ts';
import {
  type Actor,
  hasPermission,
  type Permission,
  type ResidentActor,
  rolePermissions,
  type StaffActor,
  type StaffRole,
  teamsOf,
} from '../../../../shared/src/identity/access.ts';

/**
 * Who may see and do what with which case, on top of the route's permission (GUIDE §6: deny by
 * default). Pure: the service passes the facts (the case's owner and requester, the household's
 * minors from the register). A caller who may not see a case gets a 404, never a 403, so case ids
 * and references cannot be probed.
 *
 * - A resident sees the cases they asked for (by account or as the register person) and those of
 *   the minors of their household.
 * - Staff with `cases:work` see the cases owned by their teams; reception and contact-centre staff
 *   also work the general question queue (the team `vraag` routes to).
 * - A partner organisation (police, fire zone) sees only cases handed to it (it then works them)
 *   or shared with it for advice (it may read and add notes).
 */

/** The facts about a case the policy reads. */
export type CaseAccessFacts = {
  owner: OwnerUnit;
  requesterAccountId: string | null;
  requesterPersonId: string | null;
  sharedWithPartners: readonly string[];
};

/** What the service knows about the city when it asks. */
export type PolicyContext = {
  /** The team the general question (`vraag`) routes to by default: reception and contact centre work its queue. */
  generalQueueTeam: string;
};

/** What a staff member may do with a case they can see. */
export type StaffCaseAction = 'read' | 'note' | 'message' | 'status' | 'hand-over' | 'claim' | 'assign' | 'take-over';

/** How a staff member stands towards a case: they work it, advise on it (partners), or nothing. */
export type StaffCaseAccess = 'work' | 'advise' | null;

// Front-line roles that answer general questions whichever team they belong to.
const frontLineRoles: readonly StaffRole[] = ['reception', 'contact-centre'];

/** The teams whose cases and queue this staff member works: their own teams, plus the general queue for front-line roles. */
export const workTeamsOf = (actor: StaffActor, context: PolicyContext): string[] => {
  if (!hasPermission(actor, 'cases:work')) return [];
  const teams = new Set(teamsOf(actor));
  if (actor.roles.some((grant) => frontLineRoles.includes(grant.role))) teams.add(context.generalQueueTeam);
  return [...teams];
};

/** The teams for which the staff member holds a role that grants `permission` (a coordinator of Burgerzaken assigns there only). */
export const teamsWithPermission = (actor: StaffActor, permission: Permission): string[] =>
  actor.roles.flatMap((grant) => (grant.team && rolePermissions[grant.role].includes(permission) ? [grant.team] : []));

/** How this staff member stands towards the case. */
export const staffCaseAccess = (actor: StaffActor, facts: CaseAccessFacts, context: PolicyContext): StaffCaseAccess => {
  if (actor.organisation !== 'city') {
    if (!hasPermission(actor, 'partner:work')) return null;
    if (facts.owner.kind === 'partner' && facts.owner.id === actor.organisation) return 'work';
    return facts.sharedWithPartners.includes(actor.organisation) ? 'advise' : null;
  }
  if (facts.owner.kind === 'team' && workTeamsOf(actor, context).includes(facts.owner.id)) return 'work';
  return null;
};

const adviseActions: readonly StaffCaseAction[] = ['read', 'note'];

/** Whether a staff member may take this action on the case. */
export const canStaff = (actor: StaffActor, action: StaffCaseAction, facts: CaseAccessFacts, context: PolicyContext): boolean => {
  const access = staffCaseAccess(actor, facts, context);
  if (access === null) return false;
  if (access === 'advise') return adviseActions.includes(action);
  switch (action) {
    case 'claim':
      // A partner works a case as an organisation; claiming is for the city's teams.
      return facts.owner.kind === 'team';
    case 'assign':
    case 'take-over':
      return facts.owner.kind === 'team' && teamsWithPermission(actor, 'cases:assign').includes(facts.owner.id);
    default:
      return true;
  }
};

/** Whether the register person is a minor (under 18) on `today` (YYYY-MM-DD, the city's date). */
export const isMinorOn = (birthDate: string, today: string): boolean =>
  Temporal.PlainDate.compare(Temporal.PlainDate.from(birthDate).add({ years: 18 }), Temporal.PlainDate.from(today)) > 0;

/** The members of a household who are minors on `today`, except the resident themselves. */
export const minorsOf = (members: readonly { id: string; birthDate: string }[], selfId: string, today: string): string[] =>
  members.filter((member) => member.id !== selfId && isMinorOn(member.birthDate, today)).map((member) => member.id);

/** The register persons whose cases a resident follows: themselves and the minors of their household. */
export const followedPersonIds = (actor: ResidentActor, minorIds: readonly string[]): string[] =>
  actor.personId === null ? [] : [actor.personId, ...minorIds];

/** Whether a resident may see (and reply to, and withdraw) the case. */
export const residentMaySee = (actor: ResidentActor, facts: CaseAccessFacts, minorIds: readonly string[]): boolean => {
  if (facts.requesterAccountId !== null && facts.requesterAccountId === actor.accountId) return true;
  if (facts.requesterPersonId === null) return false;
  return followedPersonIds(actor, minorIds).includes(facts.requesterPersonId);
};

/** Which queues a staff member may open: a team they work for, or their own partner organisation. */
export const canSeeQueue = (actor: Actor, unit: OwnerUnit, context: PolicyContext): boolean => {
  if (actor.kind !== 'staff') return false;
  if (unit.kind === 'partner') return hasPermission(actor, 'partner:work') && actor.organisation === unit.id;
  return actor.organisation === 'city' && workTeamsOf(actor, context).includes(unit.id);
};

/** The "where would this go?" tester: for who works on cases and who maintains the rules. */
export const canTestRouting = (actor: Actor): boolean => hasPermission(actor, 'cases:work') || hasPermission(actor, 'routing:manage');
