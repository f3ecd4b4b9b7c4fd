import { describe, expect, it } from 'vitest';
import { formDefinitionSchema } from '../forms/index.ts';
import { productFamilyOf, requiredRequestPermission } from './case-intake.rules.ts';

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
