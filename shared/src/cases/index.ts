/**
 * Cases (dossiers): the status machine per product family, due dates in working days, ownership and
 * hand-over, routing rules and human references. Pure rules and schemas, used by the server's cases
 * module and by the web; server and web import from here, never from the files behind it.
 */

export {
  type ActorKind,
  actorKindSchema,
  actorKinds,
  type CaseChannel,
  type CasePause,
  type CaseStatus,
  caseChannelSchema,
  caseChannels,
  casePauseSchema,
  caseStatuses,
  caseStatusSchema,
  finalCaseStatuses,
  instantSchema,
  isFinalStatus,
  isOpenStatus,
  type ProductFamily,
  productFamilies,
  productFamilySchema,
  slugSchema,
} from './case.schema.ts';
export {
  type DeadlineFlag,
  type DeadlineInput,
  type DeadlineStatus,
  deadlineStartDate,
  deadlineStatus,
  decidedOnTime,
  defaultDueSoonDays,
  dueDate,
  pausedWorkingDays,
} from './case-deadline.rules.ts';
export { productFamilyOf, type RequestPermission, requiredRequestPermission } from './case-intake.rules.ts';
export {
  assign,
  type CaseOwnership,
  caseOwnershipSchema,
  claim,
  type HandOverRecord,
  handOver,
  initialOwnership,
  minimumHandOverReasonLength,
  type OwnerDirectory,
  type OwnershipRefusalCode,
  type OwnershipResult,
  type OwnerUnit,
  ownershipRefusalCodes,
  ownerUnitSchema,
  release,
} from './case-ownership.rules.ts';
export {
  type CaseReference,
  type CaseReferenceError,
  type CaseReferenceParseResult,
  caseReferenceSchema,
  caseReferenceYear,
  formatCaseReference,
  isCaseReference,
  parseCaseReference,
} from './case-reference.rules.ts';
export {
  type RoutingDecision,
  type RoutingInput,
  type RoutingIssue,
  type RoutingRule,
  type RoutingTable,
  type RoutingTableInput,
  route,
  routingRuleSchema,
  routingSpecificity,
  routingTableSchema,
  validateRoutingTable,
} from './case-routing.rules.ts';
export {
  availableEvents,
  type CaseEvent,
  type CaseEventType,
  type CaseHandling,
  type CaseOutcome,
  type CaseState,
  caseHandlingSchema,
  caseOutcomeSchema,
  caseOutcomesByFamily,
  caseStateSchema,
  caseTransitionRules,
  minimumReasonLength,
  newCaseState,
  type TransitionRefusal,
  type TransitionRefusalCode,
  type TransitionResult,
  transition,
  transitionRefusalCodes,
} from './case-status.rules.ts';
