import { describe, expect, it } from 'vitest';
import { type ActorKind, actorKinds, type CaseStatus, caseStatuses, isOpenStatus, type ProductFamily, productFamilies } from './case.schema.ts';
import {
  availableEvents,
  type CaseEvent,
  type CaseEventType,
  type CaseHandling,
  type CaseOutcome,
  type CaseState,
  newCaseState,
  transition,
} from './case-status.rules.ts';

const t0 = new Date('2026-03-02T08:00:00Z');
const t1 = new Date('2026-03-03T09:30:00Z');

const stateIn = (family: ProductFamily, status: CaseStatus, handling: CaseHandling = 'human'): CaseState => ({
  ...newCaseState(family, t0),
  status,
  handling,
});

const outcomeFor: Record<ProductFamily, CaseOutcome> = { certificate: 'issued', general: 'answered', permit: 'granted', report: 'resolved' };

const eventOf = (type: CaseEventType, actor: ActorKind, family: ProductFamily): CaseEvent => {
  if (type === 'decide') return { type, actor, outcome: outcomeFor[family] };
  if (type === 'reject') return { type, actor, reason: 'Dubbele aanvraag' };
  return { type, actor } as CaseEvent;
};

const eventTypes: CaseEventType[] = [
  'start',
  'ask-resident',
  'resident-replied',
  'request-advice',
  'advice-received',
  'decide',
  'automation-failed',
  'reject',
  'withdraw',
  'close',
];

type Row = [family: ProductFamily, from: CaseStatus, event: CaseEventType, actor: ActorKind, to: CaseStatus, handling?: CaseHandling];

const open = ['received', 'in-progress', 'waiting-for-resident'] as const;

/** Every transition that is allowed for the families without extra steps (general, report). */
const commonRows = (family: ProductFamily, extraOpen: CaseStatus[] = []): Row[] => [
  [family, 'received', 'start', 'staff', 'in-progress'],
  [family, 'in-progress', 'ask-resident', 'staff', 'waiting-for-resident'],
  [family, 'waiting-for-resident', 'resident-replied', 'resident', 'in-progress'],
  [family, 'waiting-for-resident', 'resident-replied', 'staff', 'in-progress'],
  [family, 'in-progress', 'decide', 'staff', 'decided'],
  [family, 'waiting-for-resident', 'decide', 'staff', 'decided'],
  ...[...open, ...extraOpen].map((from): Row => [family, from, 'reject', 'staff', 'rejected']),
  ...[...open, ...extraOpen].flatMap((from): Row[] => [
    [family, from, 'withdraw', 'resident', 'withdrawn'],
    [family, from, 'withdraw', 'staff', 'withdrawn'],
  ]),
  [family, 'decided', 'close', 'staff', 'closed'],
  [family, 'decided', 'close', 'system', 'closed'],
];

// Written out independently of caseTransitionRules, so a change to the machine shows up here.
const allowed: Row[] = [
  ...commonRows('general'),
  ...commonRows('report'),
  ...commonRows('permit', ['waiting-for-advice']),
  ['permit', 'in-progress', 'request-advice', 'staff', 'waiting-for-advice'],
  ['permit', 'waiting-for-advice', 'advice-received', 'staff', 'in-progress'],
  ['permit', 'waiting-for-advice', 'advice-received', 'system', 'in-progress'],
  ...commonRows('certificate').flatMap((row): Row[] => [row, [row[0], row[1], row[2], row[3], row[4], 'automated']]),
  ['certificate', 'received', 'decide', 'system', 'decided', 'automated'],
  ['certificate', 'received', 'automation-failed', 'system', 'received', 'automated'],
];

const key = (family: ProductFamily, from: CaseStatus, event: CaseEventType, actor: ActorKind, handling: CaseHandling) =>
  `${family} ${from} ${event} ${actor} ${handling}`;
const allowedKeys = new Set(allowed.map(([family, from, event, actor, , handling = 'human']) => key(family, from, event, actor, handling)));

describe('transition: allowed', () => {
  it.each(allowed)('%s: %s --%s by %s--> %s (%s)', (family, from, event, actor, to, handling = 'human') => {
    const result = transition(stateIn(family, from, handling), eventOf(event, actor, family), t1);
    expect(result).toMatchObject({ ok: true, from, to });
    if (result.ok) {
      expect(result.state.status).toBe(to);
      expect(result.state.statusChangedAt).toBe(to === from ? t0.toISOString() : t1.toISOString());
    }
  });
});

describe('transition: refused', () => {
  const refused = productFamilies.flatMap((family) =>
    caseStatuses.flatMap((from) =>
      eventTypes.flatMap((event) =>
        actorKinds.flatMap((actor) =>
          (['human', 'automated'] as const)
            // Only certificates are ever handled automatically.
            .filter((handling) => handling === 'human' || family === 'certificate')
            .filter((handling) => !allowedKeys.has(key(family, from, event, actor, handling)))
            .map((handling) => [family, from, event, actor, handling] as const),
        ),
      ),
    ),
  );

  it('covers the rest of the product of families, statuses, events, actors and handlings', () => {
    const certificateCombos = caseStatuses.length * eventTypes.length * actorKinds.length * 2;
    const otherCombos = 3 * caseStatuses.length * eventTypes.length * actorKinds.length;
    expect(refused.length + allowedKeys.size).toBe(certificateCombos + otherCombos);
  });

  it.each(refused)('%s: %s --%s by %s-- is refused (%s)', (family, from, event, actor, handling) => {
    const state = stateIn(family, from, handling);
    const result = transition(state, eventOf(event, actor, family), t1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ event, family, status: from });
  });

  it.each([
    ['general', 'in-progress', 'request-advice', 'staff', 'not-in-family'],
    ['report', 'received', 'automation-failed', 'system', 'not-in-family'],
    ['permit', 'closed', 'start', 'staff', 'case-is-final'],
    ['general', 'withdrawn', 'withdraw', 'resident', 'case-is-final'],
    ['certificate', 'rejected', 'close', 'system', 'case-is-final'],
    ['general', 'received', 'decide', 'staff', 'not-allowed-from-status'],
    ['general', 'decided', 'withdraw', 'resident', 'not-allowed-from-status'],
    ['permit', 'received', 'decide', 'resident', 'not-allowed-from-status'],
    ['general', 'in-progress', 'decide', 'resident', 'actor-not-allowed'],
    ['general', 'in-progress', 'decide', 'system', 'actor-not-allowed'],
    ['general', 'received', 'start', 'resident', 'actor-not-allowed'],
    ['report', 'decided', 'close', 'resident', 'actor-not-allowed'],
  ] as const)('%s in %s: %s by %s is refused with %s', (family, from, event, actor, code) => {
    const result = transition(stateIn(family, from), eventOf(event, actor, family), t1);
    expect(result).toMatchObject({ ok: false, refusal: { code } });
  });

  it('refuses the system deciding a certificate a person has taken over', () => {
    const result = transition(stateIn('certificate', 'received', 'human'), { type: 'decide', actor: 'system', outcome: 'issued' }, t1);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'handling-mismatch' } });
  });

  it('refuses an outcome of another family', () => {
    const result = transition(stateIn('general', 'in-progress'), { type: 'decide', actor: 'staff', outcome: 'granted' }, t1);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'invalid-outcome' } });
  });

  it.each(['', '   ', 'nee', ' ok  '])('refuses a rejection with the reason %j', (reason) => {
    const result = transition(stateIn('general', 'received'), { type: 'reject', actor: 'staff', reason }, t1);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'reason-required' } });
  });
});

describe('the certificate paths', () => {
  it('issues automatically: received → decided → closed by the system', () => {
    let state = newCaseState('certificate', t0, 'automated');
    const decided = transition(state, { type: 'decide', actor: 'system', outcome: 'issued' }, t1);
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    state = decided.state;
    expect(state).toMatchObject({ status: 'decided', outcome: 'issued', decidedAt: t1.toISOString(), handling: 'automated' });
    const closed = transition(state, { type: 'close', actor: 'system' }, t1);
    expect(closed).toMatchObject({ ok: true, state: { status: 'closed', closedAt: t1.toISOString() } });
  });

  it('falls back to the team queue when automation fails, and the system can no longer decide', () => {
    const failed = transition(newCaseState('certificate', t0, 'automated'), { type: 'automation-failed', actor: 'system' }, t1);
    expect(failed).toMatchObject({ ok: true, from: 'received', to: 'received', state: { handling: 'human', statusChangedAt: t0.toISOString() } });
    if (!failed.ok) return;
    expect(transition(failed.state, { type: 'decide', actor: 'system', outcome: 'issued' }, t1)).toMatchObject({ ok: false });
    expect(availableEvents(failed.state, 'staff')).toEqual(['start', 'reject', 'withdraw']);
  });

  it('refuses automated handling for other families', () => {
    expect(() => newCaseState('general', t0, 'automated')).toThrow(RangeError);
  });
});

describe('pauses', () => {
  it('opens a pause when the case waits for the resident and closes it when the resident replies', () => {
    const asked = transition(stateIn('general', 'in-progress'), { type: 'ask-resident', actor: 'staff' }, t1);
    expect(asked.ok && asked.state.pauses).toEqual([{ from: t1.toISOString() }]);
    if (!asked.ok) return;
    const t2 = new Date('2026-03-06T10:00:00Z');
    const replied = transition(asked.state, { type: 'resident-replied', actor: 'resident' }, t2);
    expect(replied.ok && replied.state.pauses).toEqual([{ from: t1.toISOString(), to: t2.toISOString() }]);
  });

  it('closes the pause when the case is decided or withdrawn while waiting', () => {
    const waiting = { ...stateIn('general', 'waiting-for-resident'), pauses: [{ from: t0.toISOString() }] };
    for (const event of [eventOf('decide', 'staff', 'general'), eventOf('withdraw', 'resident', 'general')]) {
      const result = transition(waiting, event, t1);
      expect(result.ok && result.state.pauses).toEqual([{ from: t0.toISOString(), to: t1.toISOString() }]);
    }
  });

  it('does not pause while waiting for a partner: advice is the city’s own time', () => {
    const result = transition(stateIn('permit', 'in-progress'), { type: 'request-advice', actor: 'staff' }, t1);
    expect(result.ok && result.state.pauses).toEqual([]);
  });
});

describe('availableEvents', () => {
  it('lists what a resident may do on a case that waits for them', () => {
    expect(availableEvents(stateIn('general', 'waiting-for-resident'), 'resident')).toEqual(['resident-replied', 'withdraw']);
  });

  it('offers nothing on a final case', () => {
    for (const actor of actorKinds) expect(availableEvents(stateIn('permit', 'closed'), actor)).toEqual([]);
  });
});

describe('isOpenStatus', () => {
  it('counts everything before the decision as open', () => {
    expect(caseStatuses.filter(isOpenStatus)).toEqual(['received', 'in-progress', 'waiting-for-resident', 'waiting-for-advice']);
  });
});
