import { describe, expect, it } from 'vitest';
import type { ResidentActor, RoleGrant, StaffActor } from '../../../../shared/src/identity/access.ts';
import {
  type CaseAccessFacts,
  canSeeQueue,
  canStaff,
  canTestRouting,
  isMinorOn,
  minorsOf,
  residentMaySee,
  staffCaseAccess,
  workTeamsOf,
} from './cases.policy.ts';

const context = { generalQueueTeam: 'contactcenter' };

const staff = (roles: RoleGrant[], organisation = 'city'): StaffActor => ({
  kind: 'staff',
  staffId: 'staff-1',
  name: 'Test',
  email: 'test@example.org',
  organisation,
  roles,
  surface: 'werk',
  sessionId: 's',
});

const resident = (accountId: string, personId: string | null): ResidentActor => ({
  kind: 'resident',
  accountId,
  personId,
  assurance: personId ? 'high' : 'low',
  name: 'Bewoner',
  email: null,
  surface: 'portal',
  sessionId: 's',
});

const teamCase = (team: string, extra: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  owner: { kind: 'team', id: team },
  requesterAccountId: 'account-a',
  requesterPersonId: 'person-a',
  sharedWithPartners: [],
  ...extra,
});

describe('residents', () => {
  it.each([
    ['the account that asked', resident('account-a', null), teamCase('burgerzaken'), [], true],
    ['the register person it is about, from another account', resident('account-b', 'person-a'), teamCase('burgerzaken'), [], true],
    [
      'a parent of the minor it is about',
      resident('account-c', 'parent'),
      teamCase('burgerzaken', { requesterAccountId: 'account-x', requesterPersonId: 'child' }),
      ['child'],
      true,
    ],
    ['someone else', resident('account-d', 'person-d'), teamCase('burgerzaken'), [], false],
    ['someone else without a register file', resident('account-d', null), teamCase('burgerzaken'), [], false],
    [
      'anyone, for a case asked without an account or person',
      resident('account-d', 'person-d'),
      teamCase('burgerzaken', { requesterAccountId: null, requesterPersonId: null }),
      [],
      false,
    ],
  ] as const)('%s: %s', (_label, actor, facts, minors, expected) => {
    expect(residentMaySee(actor, facts, minors)).toBe(expected);
  });

  it('counts a child as a minor until the day before their 18th birthday', () => {
    expect(isMinorOn('2008-11-26', '2026-11-25')).toBe(true);
    expect(isMinorOn('2008-11-25', '2026-11-25')).toBe(false);
    expect(
      minorsOf(
        [
          { id: 'self', birthDate: '2012-01-01' },
          { id: 'kid', birthDate: '2015-04-18' },
          { id: 'adult', birthDate: '1987-02-11' },
        ],
        'self',
        '2026-11-25',
      ),
    ).toEqual(['kid']);
  });
});

describe('city staff', () => {
  it('work the cases of their own teams only', () => {
    const backOffice = staff([{ role: 'back-office', team: 'burgerzaken' }]);
    expect(staffCaseAccess(backOffice, teamCase('burgerzaken'), context)).toBe('work');
    expect(staffCaseAccess(backOffice, teamCase('omgeving'), context)).toBeNull();
    expect(staffCaseAccess(backOffice, teamCase('contactcenter'), context)).toBeNull();
  });

  it('at reception or the contact centre also work the general question queue', () => {
    const reception = staff([{ role: 'reception', team: 'onthaal' }]);
    expect(workTeamsOf(reception, context).sort()).toEqual(['contactcenter', 'onthaal']);
    expect(staffCaseAccess(reception, teamCase('contactcenter'), context)).toBe('work');
    expect(canSeeQueue(reception, { kind: 'team', id: 'contactcenter' }, context)).toBe(true);
    expect(canSeeQueue(reception, { kind: 'team', id: 'burgerzaken' }, context)).toBe(false);
  });

  it('without cases:work see nothing, whatever their team', () => {
    const editor = staff([{ role: 'catalogue-editor', team: 'communicatie' }]);
    expect(staffCaseAccess(editor, teamCase('communicatie'), context)).toBeNull();
    expect(canSeeQueue(editor, { kind: 'team', id: 'communicatie' }, context)).toBe(false);
    expect(canSeeQueue(staff([{ role: 'admin' }]), { kind: 'team', id: 'burgerzaken' }, context)).toBe(false);
  });

  it('assign and take over only as coordinator of the owning team', () => {
    const coordinator = staff([
      { role: 'coordinator', team: 'burgerzaken' },
      { role: 'back-office', team: 'vreemdelingenzaken' },
    ]);
    expect(canStaff(coordinator, 'assign', teamCase('burgerzaken'), context)).toBe(true);
    expect(canStaff(coordinator, 'take-over', teamCase('burgerzaken'), context)).toBe(true);
    expect(canStaff(coordinator, 'assign', teamCase('vreemdelingenzaken'), context)).toBe(false);
    expect(canStaff(coordinator, 'claim', teamCase('vreemdelingenzaken'), context)).toBe(true);
    expect(canStaff(staff([{ role: 'back-office', team: 'burgerzaken' }]), 'assign', teamCase('burgerzaken'), context)).toBe(false);
  });

  it('lose the case when it is handed to a partner', () => {
    const backOffice = staff([{ role: 'back-office', team: 'burgerzaken' }]);
    expect(staffCaseAccess(backOffice, { ...teamCase('burgerzaken'), owner: { kind: 'partner', id: 'politiezone-gavers' } }, context)).toBeNull();
  });
});

describe('partners', () => {
  const police = staff([{ role: 'partner' }], 'politiezone-gavers');
  const handed = { ...teamCase('burgerzaken'), owner: { kind: 'partner' as const, id: 'politiezone-gavers' } };

  it('work only cases handed to their organisation', () => {
    expect(staffCaseAccess(police, handed, context)).toBe('work');
    expect(canStaff(police, 'message', handed, context)).toBe(true);
    expect(canStaff(police, 'hand-over', handed, context)).toBe(true);
    expect(canStaff(police, 'claim', handed, context)).toBe(false);
    expect(staffCaseAccess(staff([{ role: 'partner' }], 'hulpverleningszone-fluvia'), handed, context)).toBeNull();
    expect(staffCaseAccess(police, teamCase('burgerzaken'), context)).toBeNull();
  });

  it('read and add notes to cases shared with them for advice, nothing more', () => {
    const shared = teamCase('evenementen', { sharedWithPartners: ['politiezone-gavers'] });
    expect(staffCaseAccess(police, shared, context)).toBe('advise');
    expect(canStaff(police, 'read', shared, context)).toBe(true);
    expect(canStaff(police, 'note', shared, context)).toBe(true);
    expect(canStaff(police, 'message', shared, context)).toBe(false);
    expect(canStaff(police, 'status', shared, context)).toBe(false);
  });

  it('see their own organisation’s queue only', () => {
    expect(canSeeQueue(police, { kind: 'partner', id: 'politiezone-gavers' }, context)).toBe(true);
    expect(canSeeQueue(police, { kind: 'partner', id: 'hulpverleningszone-fluvia' }, context)).toBe(false);
    expect(canSeeQueue(police, { kind: 'team', id: 'burgerzaken' }, context)).toBe(false);
  });
});

describe('routing tester', () => {
  it('is for who works cases or manages routing', () => {
    expect(canTestRouting(staff([{ role: 'contact-centre', team: 'contactcenter' }]))).toBe(true);
    expect(canTestRouting(staff([{ role: 'admin' }]))).toBe(true);
    expect(canTestRouting(staff([{ role: 'manager' }]))).toBe(false);
    expect(canTestRouting(resident('a', 'p'))).toBe(false);
  });
});
