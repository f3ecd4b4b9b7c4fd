import { describe, expect, it } from 'vitest';
import type { FormAnswers } from '../../../../shared/src/forms/index.ts';
import type { RegisterAddress } from '../../../../shared/src/register/index.ts';
import type { AddressPeriod, HouseholdRecord, PersonRecord } from '../register/index.ts';
import {
  automationDecision,
  buildCertificate,
  type CertificateContext,
  type CertificateData,
  CertificateRefusal,
  certificateFileName,
  civilStatusActCopy,
  criminalRecordExtract,
  documentLanguageOf,
  householdCertificate,
  issuerOf,
  printedAddress,
  printedDate,
  residenceCertificate,
} from './certificates.rules.ts';

const city = {
  name: { nl: 'Stad Harelbeke', fr: 'Ville de Harelbeke', en: 'City of Harelbeke' },
  nisCode: '34013',
  address: { street: 'Marktstraat', number: '29', postcode: '8530', municipality: 'Harelbeke' },
};

const address = (overrides: Partial<RegisterAddress> = {}): RegisterAddress => ({
  id: '00000000-0000-4000-8000-00000000a001',
  street: 'Marktstraat',
  houseNumber: '41',
  box: null,
  postcode: '8530',
  municipality: 'Harelbeke',
  subMunicipality: 'Harelbeke',
  nisCode: '34013',
  ...overrides,
});

const person = (overrides: Partial<PersonRecord> = {}): PersonRecord => ({
  id: 'de000000-0000-4000-8000-000000000001',
  nationalNumber: '85073003328',
  givenName: 'Pieter',
  familyName: 'Vandenberghe',
  birthDate: '1985-07-30',
  sex: 'male',
  nationality: 'BE',
  preferredLanguage: 'nl',
  householdId: 'de000000-0000-4000-8001-000000000001',
  householdRole: 'reference-person',
  dateOfDeath: null,
  ...overrides,
});

const pieter = person();
const household: HouseholdRecord = {
  id: 'de000000-0000-4000-8001-000000000001',
  reference: 'GZ-1',
  address: address(),
  members: [
    pieter,
    person({ id: 'p2', givenName: 'Lien', familyName: 'Desmet', birthDate: '1987-02-11', householdRole: 'partner' }),
    person({ id: 'p3', givenName: 'Lotte', birthDate: '2015-04-18', householdRole: 'child' }),
    person({ id: 'p4', givenName: 'Omer', birthDate: '1931-01-01', householdRole: 'other', dateOfDeath: '2026-01-03' }),
  ],
};
const history: AddressPeriod[] = [
  { address: address(), validFrom: '2016-03-01', validTo: null },
  { address: address({ street: 'Stationsstraat', houseNumber: '12', box: '2' }), validFrom: '2011-09-01', validTo: '2016-03-01' },
  { address: address({ street: 'Kerkstraat', houseNumber: '3' }), validFrom: '2005-01-01', validTo: '2011-09-01' },
];

const context = (lang: 'nl' | 'fr' | 'en' = 'nl'): CertificateContext => ({ issuer: issuerOf(city, lang), reference: 'HB-2026-000123', requestLanguage: lang });
const data = (answers: FormAnswers, overrides: Partial<CertificateData> = {}): CertificateData => ({
  person: pieter,
  household,
  history,
  answers,
  ...overrides,
});

const refusalOf = (build: () => unknown) => {
  try {
    build();
  } catch (error) {
    if (error instanceof CertificateRefusal) return error.reason;
    throw error;
  }
  return null;
};

describe('automationDecision', () => {
  it.each([
    ['attest-gezinssamenstelling', { purpose: 'school', onEarlierDate: false }, true],
    ['attest-gezinssamenstelling', { purpose: 'school', onEarlierDate: true, referenceDate: '2020-01-01' }, 'earlier-date'],
    ['attest-woonst', { withHistory: false }, true],
    ['uittreksel-strafregister', { model: '595' }, true],
    ['uittreksel-strafregister', { model: '596.1', activity: 'trainer', organisation: 'KSV' }, 'model-needs-check'],
    ['uittreksel-strafregister', { model: '596.2' }, 'model-needs-check'],
    ['afschrift-akte', { actType: 'birth', relation: 'self' }, true],
    ['afschrift-akte', { actType: 'birth', relation: 'direct-relative' }, 'not-own-act'],
    ['identiteitskaart', {}, 'unsupported-product'],
  ] as const)('%s with %j → %s', (product, answers, expected) => {
    const decision = automationDecision(product, answers as FormAnswers);
    expect(decision.automated ? true : decision.reason).toBe(expected);
  });
});

describe('documentLanguageOf', () => {
  it('takes the language the resident chose for the document, else the request’s', () => {
    expect(documentLanguageOf({ documentLanguage: 'fr' }, 'nl')).toBe('fr');
    expect(documentLanguageOf({}, 'en')).toBe('en');
    expect(documentLanguageOf({ documentLanguage: 'de' }, 'nl')).toBe('nl');
  });
});

describe('printed values', () => {
  it('prints dates in the document’s language, whatever the time zone', () => {
    expect(printedDate('1985-07-30', 'nl')).toBe('30 juli 1985');
    expect(printedDate('1985-07-30', 'fr')).toBe('30 juillet 1985');
    expect(printedDate('1985-07-30', 'en')).toBe('30 July 1985');
    expect(printedDate('2026-03-29', 'nl')).toBe('29 maart 2026');
  });

  it('prints a box number in the document’s language', () => {
    expect(printedAddress(address({ box: '2' }), 'nl')).toBe('Marktstraat 41 bus 2, 8530 Harelbeke');
    expect(printedAddress(address({ box: '2' }), 'fr')).toBe('Marktstraat 41 boîte 2, 8530 Harelbeke');
    expect(printedAddress(address(), 'en')).toBe('Marktstraat 41, 8530 Harelbeke');
  });

  it('names the file after the kind and the case reference, nothing personal', () => {
    expect(certificateFileName('attest-woonst', 'HB-2026-000123')).toBe('attest-woonst-HB-2026-000123.pdf');
    expect(certificateFileName('afschrift-akte', 'A B/C')).toBe('afschrift-akte-A-B-C.pdf');
  });
});

describe('householdCertificate', () => {
  it('lists the living members with birth date and relation, the address and the purpose, from the city as issuer', () => {
    const content = householdCertificate(context(), data({ purpose: 'school', documentLanguage: 'nl', onEarlierDate: false }));
    expect(content).toMatchObject({ kind: 'attest-gezinssamenstelling', lang: 'nl', title: 'Attest van gezinssamenstelling' });
    expect(content.printed.issuer).toEqual({ name: 'Stad Harelbeke', addressLines: ['Marktstraat 29', '8530 Harelbeke'] });
    expect(content.printed.reference).toBe('HB-2026-000123');
    const [intro, where, members] = content.printed.sections;
    expect(intro?.paragraphs?.[0]).toContain('De burgemeester van Stad Harelbeke verklaart');
    expect(where?.facts).toEqual([
      { label: 'Adres', value: 'Marktstraat 41, 8530 Harelbeke' },
      { label: 'Ingeschreven sinds', value: '1 maart 2016' },
      { label: 'Gevraagd voor', value: 'School of studiebeurs' },
    ]);
    expect(members?.table).toEqual({
      columns: ['Naam', 'Geboortedatum', 'Relatie tot de referentiepersoon'],
      rows: [
        ['Vandenberghe, Pieter', '30 juli 1985', 'Referentiepersoon'],
        ['Desmet, Lien', '11 februari 1987', 'Partner'],
        ['Vandenberghe, Lotte', '18 april 2015', 'Kind'],
      ],
    });
  });

  it('is written in the language the resident chose, with the city’s name in that language', () => {
    const content = householdCertificate(context('nl'), data({ purpose: 'other', purposeOther: 'Voetbalclub', documentLanguage: 'fr' }));
    expect(content.lang).toBe('fr');
    expect(content.title).toBe('Certificat de composition de ménage');
    expect(content.printed.sections[2]?.table?.rows[1]).toEqual(['Desmet, Lien', '11 février 1987', 'Partenaire']);
    expect(content.printed.sections[1]?.facts).toContainEqual({ label: 'Demandé pour', value: 'Voetbalclub' });
  });

  it('refuses when the person lives elsewhere, has no address or no household: the municipality of residence issues it', () => {
    const elsewhere = [{ address: address({ municipality: 'Kortrijk', nisCode: '34022' }), validFrom: '2020-01-01', validTo: null }];
    expect(refusalOf(() => householdCertificate(context(), data({}, { history: elsewhere })))).toBe('not-registered-here');
    expect(refusalOf(() => householdCertificate(context(), data({}, { history: history.slice(1) })))).toBe('no-current-address');
    expect(refusalOf(() => householdCertificate(context(), data({}, { household: null })))).toBe('no-household');
    expect(refusalOf(() => householdCertificate(context(), data({}, { person: null })))).toBe('unknown-person');
  });
});

describe('residenceCertificate', () => {
  it('states the person, the current address and since when', () => {
    const content = residenceCertificate(context('en'), data({ withHistory: false, purpose: 'Bank', documentLanguage: 'en' }));
    expect(content.title).toBe('Certificate of residence');
    expect(content.printed.issuer.name).toBe('City of Harelbeke');
    expect(content.printed.sections[1]?.facts).toEqual([
      { label: 'Name', value: 'Vandenberghe, Pieter' },
      { label: 'Date of birth', value: '30 July 1985' },
      { label: 'Address', value: 'Marktstraat 41, 8530 Harelbeke' },
      { label: 'Registered since', value: '1 March 2016' },
      { label: 'Requested for', value: 'Bank' },
    ]);
    expect(content.printed.sections.some((section) => section.table)).toBe(false);
  });

  it('with history, lists the earlier addresses that overlap the chosen period, newest first, with the last day at each', () => {
    const content = residenceCertificate(context(), data({ withHistory: true, historyFrom: '2012-06-01', documentLanguage: 'nl' }));
    const historySection = content.printed.sections.find((section) => section.table);
    expect(historySection?.heading).toBe('Vorige adressen');
    expect(historySection?.paragraphs).toEqual(['Adressen waar de persoon sinds 1 juni 2012 ingeschreven was.']);
    expect(historySection?.table?.rows).toEqual([['Stationsstraat 12 bus 2, 8530 Harelbeke', '1 september 2011', '29 februari 2016']]);
  });
});

describe('criminalRecordExtract (model 595, demo)', () => {
  it('prints “no convictions” with a printed note that this is demonstration data', () => {
    const content = criminalRecordExtract(context(), data({ model: '595', documentLanguage: 'nl' }));
    expect(content.title).toBe('Uittreksel uit het strafregister (model 595)');
    const texts = content.printed.sections.flatMap((section) => [section.heading, ...(section.paragraphs ?? [])]);
    expect(texts).toContain('Geen veroordelingen.');
    expect(texts).toContain('Demonstratiegegevens');
    expect(texts.join(' ')).toContain('Centraal Strafregister');
    expect(content.printed.sections[1]?.facts).toContainEqual({ label: 'Nationaliteit', value: 'België' });

    const french = criminalRecordExtract(context(), data({ model: '595', documentLanguage: 'fr' }));
    expect(french.printed.sections.flatMap((section) => section.paragraphs ?? [])).toContain('Aucune condamnation.');
  });

  it('refuses models that need a check', () => {
    expect(refusalOf(() => criminalRecordExtract(context(), data({ model: '596.1' })))).toBe('model-needs-check');
  });
});

describe('civilStatusActCopy (demo)', () => {
  const answers: FormAnswers = {
    actType: 'birth',
    copyKind: 'extract',
    actDate: '1985-07-30',
    relation: 'self',
    persons: [
      { familyName: 'Vandenberghe', givenNames: 'Pieter Jan', birthDate: '1985-07-30' },
      { familyName: 'Desmet', givenNames: 'An' },
    ],
  };

  it('draws up the act from the answers, with a printed demo note', () => {
    const content = civilStatusActCopy(context(), data(answers));
    expect(content.title).toBe('Uittreksel van de geboorteakte');
    expect(content.printed.sections[1]?.facts).toEqual([
      { label: 'Soort akte', value: 'Geboorteakte' },
      { label: 'Datum van de gebeurtenis', value: '30 juli 1985' },
    ]);
    expect(content.printed.sections[2]?.table?.rows).toEqual([
      ['Vandenberghe', 'Pieter Jan', '30 juli 1985'],
      ['Desmet', 'An', '–'],
    ]);
    expect(content.printed.sections.some((section) => section.paragraphs?.some((p) => p.includes('DABS')))).toBe(true);
  });

  it('names a full copy in French and English', () => {
    expect(civilStatusActCopy(context('fr'), data({ ...answers, actType: 'marriage', copyKind: 'copy' })).title).toBe("Copie d'acte de mariage");
    expect(civilStatusActCopy(context('en'), data({ ...answers, copyKind: 'copy' })).title).toBe('Copy of the birth record');
  });

  it('refuses someone else’s act', () => {
    expect(refusalOf(() => civilStatusActCopy(context(), data({ ...answers, relation: 'other', relationOther: 'buurman' })))).toBe('not-own-act');
  });
});

describe('buildCertificate', () => {
  it('picks the builder by kind', () => {
    expect(buildCertificate('attest-woonst', context(), data({})).kind).toBe('attest-woonst');
    expect(buildCertificate('uittreksel-strafregister', context(), data({ model: '595' })).kind).toBe('uittreksel-strafregister');
  });
});
