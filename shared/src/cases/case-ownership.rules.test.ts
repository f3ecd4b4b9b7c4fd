import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, type CaseOwnership, claim, handOver, initialOwnership, type OwnerUnit, release } from './case-ownership.rules.ts';

const directory = { teamIds: ['contactcenter', 'burgerzaken', 'openbaar-domein'], partnerIds: ['politiezone-gavers'] };
const at = new Date('2026-03-02T09:00:00Z');
const team = (id: string): OwnerUnit => ({ kind: 'team', id });
const claimed: CaseOwnership = { owner: team('contactcenter'), assigneeId: 'anna', handOverCount: 0 };

describe('handOver', () => {
  it('moves the case to the other team with the reason, clears the person and counts it', () => {
    const result = handOver(claimed, { to: team('burgerzaken'), reason: '  Vraag over een attest  ', by: 'anna', at }, directory);
    expect(result).toEqual({
      ok: true,
      ownership: { owner: team('burgerzaken'), assigneeId: null, handOverCount: 1 },
      record: {
        from: team('contactcenter'),
        to: team('burgerzaken'),
        reason: 'Vraag over een attest',
        by: 'anna',
        at: at.toISOString(),
        previousAssigneeId: 'anna',
      },
    });
  });

  it('hands over to a partner organisation', () => {
    const result = handOver(claimed, { to: { kind: 'partner', id: 'politiezone-gavers' }, reason: 'Woonstcontrole nodig', by: 'anna', at }, directory);
    expect(result).toMatchObject({ ok: true, ownership: { owner: { kind: 'partner', id: 'politiezone-gavers' } } });
  });

  it.each([
    ['no reason', { to: team('burgerzaken'), reason: '' }, 'reason-required'],
    ['a reason of spaces', { to: team('burgerzaken'), reason: '        ' }, 'reason-required'],
    ['a reason of four characters', { to: team('burgerzaken'), reason: 'kijk' }, 'reason-required'],
    ['the same team', { to: team('contactcenter'), reason: 'Voor de zekerheid' }, 'same-owner'],
    ['an unknown team', { to: team('brandweer'), reason: 'Voor de brandweer' }, 'unknown-owner'],
    ['a partner id used as a team', { to: team('politiezone-gavers'), reason: 'Voor de politie' }, 'unknown-owner'],
    ['a team id used as a partner', { to: { kind: 'partner', id: 'burgerzaken' } as OwnerUnit, reason: 'Voor burgerzaken' }, 'unknown-owner'],
  ])('refuses %s', (_, command, code) => {
    const result = handOver(claimed, { ...command, by: 'anna', at }, directory);
    expect(result).toMatchObject({ ok: false, code });
  });

  it('always leaves an owner and counts every hand-over (property)', () => {
    const units: OwnerUnit[] = [...directory.teamIds.map(team), ...directory.partnerIds.map((id): OwnerUnit => ({ kind: 'partner', id }))];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...units), fc.string({ maxLength: 12 })), { maxLength: 20 }), (steps) => {
        let ownership = initialOwnership('contactcenter');
        let accepted = 0;
        for (const [to, reason] of steps) {
          const result = handOver(ownership, { to, reason, by: 'x', at }, directory);
          if (result.ok) {
            accepted++;
            ownership = result.ownership;
          }
          expect(ownership.owner.id.length).toBeGreaterThan(0);
        }
        expect(ownership.handOverCount).toBe(accepted);
      }),
    );
  });
});

describe('claim', () => {
  const queued = initialOwnership('burgerzaken');

  it('lets a member of the owning team take the case from the queue', () => {
    expect(claim(queued, { id: 'bert', teamIds: ['burgerzaken'] })).toEqual({ ok: true, ownership: { ...queued, assigneeId: 'bert' } });
  });

  it('accepts claiming one’s own case again', () => {
    expect(claim({ ...queued, assigneeId: 'bert' }, { id: 'bert', teamIds: ['burgerzaken'] }).ok).toBe(true);
  });

  it('refuses someone outside the team', () => {
    expect(claim(queued, { id: 'anna', teamIds: ['contactcenter'] })).toMatchObject({ ok: false, code: 'not-in-owner-team' });
  });

  it('refuses a case someone else works on, unless taking over', () => {
    const busy = { ...queued, assigneeId: 'bert' };
    expect(claim(busy, { id: 'carla', teamIds: ['burgerzaken'] })).toMatchObject({ ok: false, code: 'already-claimed' });
    expect(claim(busy, { id: 'carla', teamIds: ['burgerzaken'] }, { takeOver: true })).toMatchObject({ ok: true, ownership: { assigneeId: 'carla' } });
  });

  it('refuses a case owned by a partner', () => {
    const atPolice: CaseOwnership = { owner: { kind: 'partner', id: 'politiezone-gavers' }, assigneeId: null, handOverCount: 1 };
    expect(claim(atPolice, { id: 'bert', teamIds: ['burgerzaken', 'politiezone-gavers'] })).toMatchObject({ ok: false, code: 'owned-by-partner' });
  });
});

describe('assign and release', () => {
  const queued = initialOwnership('burgerzaken');

  it('assigns to a member of the owning team, replacing the current person', () => {
    expect(assign({ ...queued, assigneeId: 'bert' }, { id: 'carla', teamIds: ['burgerzaken'] })).toMatchObject({
      ok: true,
      ownership: { assigneeId: 'carla' },
    });
    expect(assign(queued, { id: 'anna', teamIds: ['contactcenter'] })).toMatchObject({ ok: false, code: 'not-in-owner-team' });
  });

  it('lets only the assignee release the case back to the queue', () => {
    const busy = { ...queued, assigneeId: 'bert' };
    expect(release(busy, 'bert')).toEqual({ ok: true, ownership: queued });
    expect(release(busy, 'carla')).toMatchObject({ ok: false, code: 'not-assignee' });
    expect(release(queued, 'bert')).toMatchObject({ ok: false, code: 'not-assignee' });
  });
});
