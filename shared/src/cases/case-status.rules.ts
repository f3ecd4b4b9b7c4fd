import { z } from 'zod';
import {
  type ActorKind,
  type CasePause,
  type CaseStatus,
  casePauseSchema,
  caseStatusSchema,
  instantSchema,
  isFinalStatus,
  type ProductFamily,
  productFamilySchema,
} from './case.schema.ts';

/**
 * The status machine of a case, per product family, as data: which event moves a case from which
 * status to which, and who may trigger it. Pure: the caller passes the moment, the service stores
 * the result and writes the timeline entry.
 */

/** What a decision said, per family; `decide` refuses an outcome of another family. */
export const caseOutcomesByFamily = {
  certificate: ['issued', 'refused'],
  general: ['answered', 'referred'],
  permit: ['granted', 'granted-with-conditions', 'refused'],
  report: ['resolved', 'planned', 'not-city-competence'],
} as const satisfies Record<ProductFamily, readonly string[]>;

export const caseOutcomeSchema = z.enum([
  'issued',
  'refused',
  'answered',
  'referred',
  'granted',
  'granted-with-conditions',
  'resolved',
  'planned',
  'not-city-competence',
]);
export type CaseOutcome = z.infer<typeof caseOutcomeSchema>;

/** `automated`: the platform is expected to finish the case on its own; `human`: a team works on it. */
export const caseHandlingSchema = z.enum(['automated', 'human']);
export type CaseHandling = z.infer<typeof caseHandlingSchema>;

/** The part of a case the status machine reads and writes. Instants are ISO strings. */
export const caseStateSchema = z.strictObject({
  family: productFamilySchema,
  status: caseStatusSchema,
  handling: caseHandlingSchema,
  statusChangedAt: instantSchema,
  /** Periods of waiting for the resident, oldest first; the deadline rules extend the due date by them. */
  pauses: z.array(casePauseSchema),
  outcome: caseOutcomeSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  closedAt: instantSchema.nullable(),
});
export type CaseState = z.infer<typeof caseStateSchema>;

/** The reason given for a rejection must say something: at least this many characters. */
export const minimumReasonLength = 5;

/** Something that happens to a case; `actor` is who triggers it. */
export type CaseEvent =
  /** An employee picks up a received case. */
  | { type: 'start'; actor: ActorKind }
  /** An employee asks the resident for information or a document; the deadline clock stops. */
  | { type: 'ask-resident'; actor: ActorKind }
  /** The resident answered (or an employee records the answer given at the desk); the clock runs again. */
  | { type: 'resident-replied'; actor: ActorKind }
  /** Permits: an employee asks a partner (police, fire zone) for advice. */
  | { type: 'request-advice'; actor: ActorKind }
  /** Permits: the advice came in. */
  | { type: 'advice-received'; actor: ActorKind }
  /** The decision or answer, with its outcome. */
  | { type: 'decide'; actor: ActorKind; outcome: CaseOutcome }
  /** Certificates: the automated issue failed; the case stays received and goes to the team's queue. */
  | { type: 'automation-failed'; actor: ActorKind }
  /** The request cannot be handled (inadmissible, duplicate, spam); the reason is kept. */
  | { type: 'reject'; actor: ActorKind; reason: string }
  /** The resident no longer wants it. */
  | { type: 'withdraw'; actor: ActorKind }
  /** Everything after the decision is done (document sent, resident informed). */
  | { type: 'close'; actor: ActorKind };

export type CaseEventType = CaseEvent['type'];

/** One allowed move. `to: 'unchanged'` keeps the status (and changes something else, such as handling). */
type TransitionRule = {
  event: CaseEventType;
  families: readonly ProductFamily[];
  from: readonly CaseStatus[];
  to: CaseStatus | 'unchanged';
  actors: readonly ActorKind[];
  /** The rule only applies while the case has this handling. */
  handling?: CaseHandling;
};

const allFamilies = ['certificate', 'general', 'permit', 'report'] as const;
const openStatuses = ['received', 'in-progress', 'waiting-for-resident'] as const;

/**
 * The whole machine. Every family: received → in-progress ⇄ waiting-for-resident → decided → closed,
 * with rejected and withdrawn as exits. Certificates add the automated path received → decided by the
 * system and its fallback to a person; permits add waiting for a partner's advice.
 */
export const caseTransitionRules: readonly TransitionRule[] = [
  { event: 'start', families: allFamilies, from: ['received'], to: 'in-progress', actors: ['staff'] },
  { event: 'ask-resident', families: allFamilies, from: ['in-progress'], to: 'waiting-for-resident', actors: ['staff'] },
  { event: 'resident-replied', families: allFamilies, from: ['waiting-for-resident'], to: 'in-progress', actors: ['resident', 'staff'] },
  { event: 'request-advice', families: ['permit'], from: ['in-progress'], to: 'waiting-for-advice', actors: ['staff'] },
  { event: 'advice-received', families: ['permit'], from: ['waiting-for-advice'], to: 'in-progress', actors: ['staff', 'system'] },
  { event: 'decide', families: allFamilies, from: ['in-progress', 'waiting-for-resident'], to: 'decided', actors: ['staff'] },
  { event: 'decide', families: ['certificate'], from: ['received'], to: 'decided', actors: ['system'], handling: 'automated' },
  { event: 'automation-failed', families: ['certificate'], from: ['received'], to: 'unchanged', actors: ['system'], handling: 'automated' },
  { event: 'reject', families: allFamilies, from: openStatuses, to: 'rejected', actors: ['staff'] },
  { event: 'reject', families: ['permit'], from: ['waiting-for-advice'], to: 'rejected', actors: ['staff'] },
  { event: 'withdraw', families: allFamilies, from: openStatuses, to: 'withdrawn', actors: ['resident', 'staff'] },
  { event: 'withdraw', families: ['permit'], from: ['waiting-for-advice'], to: 'withdrawn', actors: ['resident', 'staff'] },
  { event: 'close', families: allFamilies, from: ['decided'], to: 'closed', actors: ['staff', 'system'] },
];

/** Why a transition was refused, in the order the checks run. */
export const transitionRefusalCodes = [
  /** The event does not exist for this family (advice on a general question). */
  'not-in-family',
  /** The case is closed, rejected or withdrawn. */
  'case-is-final',
  /** The event exists but not from the current status. */
  'not-allowed-from-status',
  /** This kind of actor may not trigger the event (a resident deciding). */
  'actor-not-allowed',
  /** The event needs the other handling (the system deciding a case a person has taken over). */
  'handling-mismatch',
  /** `decide` with an outcome that belongs to another family. */
  'invalid-outcome',
  /** `reject` without a reason of at least five characters. */
  'reason-required',
] as const;
export type TransitionRefusalCode = (typeof transitionRefusalCodes)[number];

export type TransitionRefusal = {
  code: TransitionRefusalCode;
  event: CaseEventType;
  family: ProductFamily;
  status: CaseStatus;
  /** For developers and logs, in English; users get a translated problem title from the service. */
  detail: string;
};

export type TransitionResult = { ok: true; state: CaseState; from: CaseStatus; to: CaseStatus } | { ok: false; refusal: TransitionRefusal };

/** A case as it is created: received, with the handling the product asks for. */
export const newCaseState = (family: ProductFamily, at: Date, handling: CaseHandling = 'human'): CaseState => {
  if (handling === 'automated' && family !== 'certificate') throw new RangeError(`only certificates are handled automatically, not ${family}`);
  return { family, status: 'received', handling, statusChangedAt: at.toISOString(), pauses: [], outcome: null, decidedAt: null, closedAt: null };
};

const refuse = (state: CaseState, event: CaseEvent, code: TransitionRefusalCode, detail: string): TransitionResult => ({
  ok: false,
  refusal: { code, event: event.type, family: state.family, status: state.status, detail },
});

const closeOpenPause = (pauses: CasePause[], at: string): CasePause[] => pauses.map((pause) => (pause.to === undefined ? { ...pause, to: at } : pause));

/** The rules that let `actor` trigger `type` on `state` right now, payload aside. */
const matchingRules = (state: CaseState, type: CaseEventType, actor: ActorKind) =>
  caseTransitionRules.filter(
    (rule) =>
      rule.event === type &&
      rule.families.includes(state.family) &&
      rule.from.includes(state.status) &&
      rule.actors.includes(actor) &&
      (rule.handling === undefined || rule.handling === state.handling),
  );

/**
 * Applies `event` at `at`. Returns the next state, or a refusal that says which check failed. Entering
 * `waiting-for-resident` opens a pause; leaving it closes the pause (the deadline rules read them).
 */
export const transition = (state: CaseState, event: CaseEvent, at: Date): TransitionResult => {
  const inFamily = caseTransitionRules.filter((rule) => rule.event === event.type && rule.families.includes(state.family));
  if (inFamily.length === 0) return refuse(state, event, 'not-in-family', `${event.type} is not a step for ${state.family} cases`);
  if (isFinalStatus(state.status)) return refuse(state, event, 'case-is-final', `the case is ${state.status}`);
  const fromStatus = inFamily.filter((rule) => rule.from.includes(state.status));
  if (fromStatus.length === 0) return refuse(state, event, 'not-allowed-from-status', `${event.type} is not possible from ${state.status}`);
  const byActor = fromStatus.filter((rule) => rule.actors.includes(event.actor));
  if (byActor.length === 0) return refuse(state, event, 'actor-not-allowed', `${event.actor} may not ${event.type} from ${state.status}`);
  const rule = byActor.find((candidate) => candidate.handling === undefined || candidate.handling === state.handling);
  if (!rule) return refuse(state, event, 'handling-mismatch', `${event.type} by ${event.actor} needs a case handled ${byActor[0]?.handling}`);

  if (event.type === 'decide' && !(caseOutcomesByFamily[state.family] as readonly string[]).includes(event.outcome)) {
    return refuse(state, event, 'invalid-outcome', `${event.outcome} is not an outcome of ${state.family} cases`);
  }
  if (event.type === 'reject' && event.reason.trim().length < minimumReasonLength) {
    return refuse(state, event, 'reason-required', `a rejection needs a reason of at least ${minimumReasonLength} characters`);
  }

  const iso = at.toISOString();
  const to = rule.to === 'unchanged' ? state.status : rule.to;
  let pauses = state.pauses;
  if (state.status === 'waiting-for-resident' && to !== 'waiting-for-resident') pauses = closeOpenPause(pauses, iso);
  if (to === 'waiting-for-resident' && state.status !== 'waiting-for-resident') pauses = [...pauses, { from: iso }];

  const next: CaseState = {
    ...state,
    status: to,
    statusChangedAt: to === state.status ? state.statusChangedAt : iso,
    pauses,
    // A person who starts a case, or a failed automation, takes it out of the automated path for good.
    handling: event.type === 'automation-failed' || event.type === 'start' ? 'human' : state.handling,
    outcome: event.type === 'decide' ? event.outcome : state.outcome,
    decidedAt: event.type === 'decide' ? iso : state.decidedAt,
    closedAt: to === 'closed' || to === 'rejected' || to === 'withdrawn' ? iso : state.closedAt,
  };
  return { ok: true, state: next, from: state.status, to };
};

/** The events `actor` can trigger on `state` now (for buttons); payload checks such as the outcome come later. */
export const availableEvents = (state: CaseState, actor: ActorKind): CaseEventType[] => {
  const types = new Set<CaseEventType>();
  for (const rule of caseTransitionRules) {
    if (matchingRules(state, rule.event, actor).length > 0) types.add(rule.event);
  }
  return [...types];
};
