import { describe, expect, it } from 'vitest';
import { mapResidentClaims, mapStaffClaims, residentClaimProfiles } from './claims.rules.ts';

describe('resident claims', () => {
  it('reads the national register number from ACM/IDM (rrn) and FAS (egovNRN), separators and all', () => {
    expect(
      mapResidentClaims(residentClaimProfiles['acm-idm'], { sub: 'a', rrn: '85073003328', given_name: 'Pieter', family_name: 'Vandenberghe', locale: 'nl-BE' }),
    ).toEqual({
      ok: true,
      identity: { subject: 'a', nationalNumber: '85073003328', givenName: 'Pieter', familyName: 'Vandenberghe', language: 'nl' },
    });
    expect(
      mapResidentClaims(residentClaimProfiles.fas, { sub: 'b', egovNRN: '85.07.30-033.28', givenName: 'Pieter', surname: 'Vandenberghe', prefLanguage: 'fr' }),
    ).toMatchObject({
      ok: true,
      identity: { nationalNumber: '85073003328', familyName: 'Vandenberghe', language: 'fr' },
    });
  });

  it('refuses a login without a valid number: it could not be tied to anyone', () => {
    expect(mapResidentClaims(residentClaimProfiles['acm-idm'], { sub: 'a' })).toEqual({ ok: false, reason: 'national-number-missing' });
    expect(mapResidentClaims(residentClaimProfiles['acm-idm'], { sub: 'a', rrn: '12345678901' })).toEqual({ ok: false, reason: 'national-number-invalid' });
    // FAS's claim name in an ACM/IDM profile is not read: no guessing between providers.
    expect(mapResidentClaims(residentClaimProfiles['acm-idm'], { sub: 'a', egovNRN: '85073003328' })).toEqual({ ok: false, reason: 'national-number-missing' });
  });
});

describe('staff claims', () => {
  it('reads roles as role or role:team, ignoring what it does not know', () => {
    const identity = mapStaffClaims(
      {
        sub: 'x',
        preferred_username: 'Els.Desmet@Harelbeke.be',
        name: 'Els Desmet',
        roles: ['back-office:burgerzaken', 'coordinator:burgerzaken', 'Global Administrator', 'admin', 'counter:Bad Team'],
      },
      'roles',
    );
    expect(identity).toEqual({
      subject: 'x',
      email: 'els.desmet@harelbeke.be',
      name: 'Els Desmet',
      roles: [{ role: 'back-office', team: 'burgerzaken' }, { role: 'coordinator', team: 'burgerzaken' }, { role: 'admin' }],
    });
  });

  it('takes no roles from claims unless a roles claim is configured', () => {
    expect(mapStaffClaims({ sub: 'x', email: 'a@b.be', roles: ['admin'] }, null).roles).toEqual([]);
  });
});
