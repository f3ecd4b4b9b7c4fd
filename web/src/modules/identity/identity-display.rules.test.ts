import { describe, expect, it } from 'vitest';
import type { CityResponse } from '../../../../shared/src/city/city.contract.ts';
import {
  dataAccessKind,
  formatAddress,
  formatDateTime,
  organisationName,
  parseAuditRole,
  roleWithTeam,
  shownNationalNumber,
  teamName,
} from './identity-display.rules.ts';

const normalize = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('formatDateTime', () => {
  it('shows Belgian clock time, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(normalize(formatDateTime('2026-01-15T13:05:00Z', 'nl'))).toMatch(/15 jan 2026.*14:05/);
    expect(normalize(formatDateTime('2026-07-15T13:05:00Z', 'nl'))).toMatch(/15 jul 2026.*15:05/);
  });

  it('crosses the spring change: 01:59 UTC+1 is followed by 03:00 UTC+2', () => {
    expect(normalize(formatDateTime('2026-03-29T00:59:00Z', 'nl'))).toMatch(/01:59/);
    expect(normalize(formatDateTime('2026-03-29T01:00:00Z', 'nl'))).toMatch(/03:00/);
  });

  it('crosses the autumn change: 02:30 happens twice, an hour apart', () => {
    expect(normalize(formatDateTime('2026-10-25T00:30:00Z', 'nl'))).toMatch(/25 okt 2026.*02:30/);
    expect(normalize(formatDateTime('2026-10-25T01:30:00Z', 'nl'))).toMatch(/25 okt 2026.*02:30/);
  });

  it("writes the date in the reader's language", () => {
    expect(normalize(formatDateTime('2026-03-12T13:05:00Z', 'fr'))).toMatch(/12 mars 2026.*14:05/);
    expect(normalize(formatDateTime('2026-03-12T13:05:00Z', 'en'))).toMatch(/12 Mar 2026.*14:05/);
  });
});

describe('formatAddress', () => {
  const address = { street: 'Marktstraat', houseNumber: '29', box: null, postcode: '8530', subMunicipality: 'Harelbeke' };

  it('writes street, number, postcode and place on one line', () => {
    expect(formatAddress(address, 'nl')).toBe('Marktstraat 29, 8530 Harelbeke');
  });

  it('names the box in the reader language', () => {
    expect(formatAddress({ ...address, box: '2' }, 'nl')).toBe('Marktstraat 29 bus 2, 8530 Harelbeke');
    expect(formatAddress({ ...address, box: '2' }, 'fr')).toBe('Marktstraat 29 boîte 2, 8530 Harelbeke');
  });
});

describe('shownNationalNumber', () => {
  it('formats the full number when the answer holds it, and keeps the mask otherwise', () => {
    expect(shownNationalNumber({ nationalNumber: '85073003328', nationalNumberMasked: '85.07.30-033.••' })).toBe('85.07.30-033.28');
    expect(shownNationalNumber({ nationalNumberMasked: '85.07.30-033.••' })).toBe('85.07.30-033.••');
  });
});

describe('dataAccessKind', () => {
  it.each([
    ['register.person.read', 'register-read'],
    ['audit.search', 'audit-search'],
    ['cases.case.read', 'other'],
  ])('%s is %s', (action, kind) => {
    expect(dataAccessKind(action)).toBe(kind);
  });
});

describe('organisationName and teamName', () => {
  const city = {
    name: { nl: 'Harelbeke', fr: 'Harelbeke', en: 'Harelbeke' },
    partners: [{ id: 'politiezone-gavers', name: { nl: 'Politiezone Gavers', fr: 'Zone de police Gavers' }, kind: 'police', contact: {} }],
    teams: [{ id: 'burgerzaken', kind: 'department', name: { nl: 'Burgerzaken', fr: 'Affaires civiles', en: 'Civil affairs' } }],
  } satisfies Pick<CityResponse, 'name' | 'partners' | 'teams'>;

  it('names the city, a partner and a team in the reader language', () => {
    expect(organisationName(city, 'city', 'nl')).toBe('Harelbeke');
    expect(organisationName(city, 'politiezone-gavers', 'fr')).toBe('Zone de police Gavers');
    expect(organisationName(city, 'politiezone-gavers', 'en')).toBe('Politiezone Gavers');
    expect(teamName(city, 'burgerzaken', 'en')).toBe('Civil affairs');
  });

  it('falls back on the id for what the profile does not know', () => {
    expect(organisationName(city, 'gone', 'nl')).toBe('gone');
    expect(teamName(city, 'gone', 'nl')).toBe('gone');
    expect(organisationName(undefined, 'city', 'nl')).toBe('city');
  });
});

describe('roleWithTeam', () => {
  it('adds the team in brackets', () => {
    expect(roleWithTeam('Backoffice', 'burgerzaken', () => 'Burgerzaken')).toBe('Backoffice (Burgerzaken)');
    expect(roleWithTeam('Beheerder', undefined, () => 'x')).toBe('Beheerder');
  });
});

describe('parseAuditRole', () => {
  it('reads a role with its team and one without', () => {
    expect(parseAuditRole('back-office:burgerzaken')).toEqual({ role: 'back-office', team: 'burgerzaken' });
    expect(parseAuditRole('admin')).toEqual({ role: 'admin', team: undefined });
  });

  it('gives null for a role this app does not know, so the raw text is shown', () => {
    expect(parseAuditRole('auditor')).toBeNull();
  });
});
