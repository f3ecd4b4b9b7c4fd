import { describe, expect, it } from 'vitest';
import { formDefinitionSchema } from '../forms/index.ts';
import { anonymousSubmissionAllowed, contactEmailOf, productFamilyOf, requiredRequestPermission } from './case-intake.rules.ts';

const form = (fields: unknown[]) => formDefinitionSchema.parse({ product: 'x', version: 1, title: { nl: 'X' }, fields });

describe('productFamilyOf', () => {
  it.each([
    ['Bewijs', 'certificate'],
    ['Toelating', 'permit'],
    ['FinancieelVoordeel', 'permit'],
    ['AdviesBegeleiding', 'general'],
    ['Voorwerp', 'general'],
    ['InfrastructuurMateriaal', 'general'],
    ['FinancieleVerplichting', 'general'],
  ] as const)('reads %s as %s', (type, family) => {
    expect(productFamilyOf({ slug: 'p', type })).toBe(family);
  });

  it('lets the routing file name exceptions', () => {
    expect(productFamilyOf({ slug: 'melding-openbaar-domein', type: 'AdviesBegeleiding' }, { 'melding-openbaar-domein': 'report' })).toBe('report');
  });
});

describe('requiredRequestPermission', () => {
  const question = form([{ id: 'question', type: 'long-text', label: { nl: 'Vraag' } }]);

  it('asks eID or itsme for certificates and permits, whatever the form', () => {
    expect(requiredRequestPermission('certificate', question)).toBe('requests:create');
    expect(requiredRequestPermission('permit', null)).toBe('requests:create');
  });

  it('lets an e-mail login ask a question or make a report', () => {
    expect(requiredRequestPermission('general', question)).toBe('requests:create-basic');
    expect(requiredRequestPermission('report', null)).toBe('requests:create-basic');
  });

  it('asks eID or itsme for a form that takes a national register number or register data, also inside a group', () => {
    expect(requiredRequestPermission('general', form([{ id: 'rrn', type: 'national-number', label: { nl: 'RRN' } }]))).toBe('requests:create');
    expect(requiredRequestPermission('general', form([{ id: 'home', type: 'address', prefill: 'resident.address', label: { nl: 'Adres' } }]))).toBe(
      'requests:create',
    );
    expect(
      requiredRequestPermission(
        'general',
        form([{ id: 'kids', type: 'group', label: { nl: 'Kinderen' }, fields: [{ id: 'rrn', type: 'national-number', label: { nl: 'RRN' } }] }]),
      ),
    ).toBe('requests:create');
    expect(requiredRequestPermission('general', form([{ id: 'name', type: 'text', prefill: 'resident.fullName', label: { nl: 'Naam' } }]))).toBe(
      'requests:create-basic',
    );
  });
});

describe('anonymousSubmissionAllowed', () => {
  const report = form([
    { id: 'description', type: 'long-text', required: true, label: { nl: 'Wat?' } },
    { id: 'location', type: 'address', label: { nl: 'Waar?' } },
  ]);

  it('always lets anyone ask the general question', () => {
    expect(anonymousSubmissionAllowed('vraag', 'general', null)).toBe(true);
  });

  it('lets anyone make a report the city wrote a form for, when the form identifies nobody', () => {
    expect(anonymousSubmissionAllowed('melding-openbaar-domein', 'report', report)).toBe(true);
    // Without a form of its own the city has not said what a report of this kind asks.
    expect(anonymousSubmissionAllowed('woningtoezicht', 'report', null)).toBe(false);
    expect(anonymousSubmissionAllowed('melding', 'report', form([{ id: 'rrn', type: 'national-number', label: { nl: 'RRN' } }]))).toBe(false);
  });

  it('keeps the login for certificates, permits and other requests, whatever their form', () => {
    expect(anonymousSubmissionAllowed('attest-woonst', 'certificate', report)).toBe(false);
    expect(anonymousSubmissionAllowed('evenement', 'permit', report)).toBe(false);
    expect(anonymousSubmissionAllowed('huisvuilzakken', 'general', report)).toBe(false);
  });
});

describe('contactEmailOf', () => {
  const question = form([
    {
      id: 'replyBy',
      type: 'choice',
      required: true,
      label: { nl: 'Hoe?' },
      options: [
        { value: 'email', label: { nl: 'Mail' } },
        { value: 'none', label: { nl: 'Niet' } },
      ],
    },
    { id: 'email', type: 'email', required: true, visibleIf: { field: 'replyBy', op: 'equals', value: 'email' }, label: { nl: 'E-mail' } },
  ]);

  it('takes the e-mail address only when its question applies', () => {
    expect(contactEmailOf(question, { replyBy: 'email', email: ' an@example.be ' })).toBe('an@example.be');
    expect(contactEmailOf(question, { replyBy: 'none', email: 'an@example.be' })).toBeNull();
    expect(contactEmailOf(question, { replyBy: 'email', email: '' })).toBeNull();
    expect(contactEmailOf(question, null)).toBeNull();
  });
});
