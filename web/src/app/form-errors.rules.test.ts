import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personLookupRequestSchema, staffMemberInputSchema } from '../../../shared/src/identity/identity.contract.ts';
import { fieldDomId, flattenFieldErrors, issuesToFieldErrors, splitServerFieldErrors } from './form-errors.rules.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
};

describe('issuesToFieldErrors', () => {
  it('gives the national register number error in the reader language, with its stable code', () => {
    const errors = issuesToFieldErrors(issuesOf(personLookupRequestSchema, { nationalNumber: '8507300332', purpose: 'Aanvraag paspoort' }), 'fr');
    expect(errors.nationalNumber).toEqual({ type: 'wrong-length', message: 'Un numéro de registre national a 11 chiffres. Vous en avez tapé 10.' });
  });

  it('keeps the first error of a field and names nested fields by dotted path', () => {
    const errors = issuesToFieldErrors(
      issuesOf(staffMemberInputSchema, { email: 'x', displayName: 'A', organisation: 'city', roles: [{ role: 'reception' }, { role: 'nope' }] }),
      'nl',
    );
    expect(Object.keys(errors).sort()).toEqual(['displayName', 'email', 'roles.1.role']);
    expect(errors.email?.type).toBe('email-invalid');
  });

  it("uses the form's own wording for built-in checks, never for refinements that carry translations", () => {
    const messages = (_issue: unknown, path: string) => (path === 'displayName' ? 'Vul een naam in.' : 'overridden');
    const errors = issuesToFieldErrors(issuesOf(staffMemberInputSchema, { email: 'x', displayName: 'A', organisation: 'city', roles: [] }), 'nl', messages);
    expect(errors.displayName?.message).toBe('Vul een naam in.');
    expect(errors.email?.message).toBe('Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.be.');
  });

  it('puts an issue of the whole form on root', () => {
    const schema = z.object({ a: z.string() }).refine(() => false, { message: 'whole form' });
    expect(issuesToFieldErrors(issuesOf(schema, { a: 'x' }), 'nl').root?.message).toBe('whole form');
  });
});

describe('splitServerFieldErrors', () => {
  const problem = {
    title: 'Er is al een medewerker met dit e-mailadres.',
    fieldErrors: [
      { field: 'email', code: 'staff-email-taken', message: 'staff-email-taken' },
      { field: 'roles.0.team', code: 'team-required', message: 'Kies voor welke dienst deze rol geldt.' },
      { field: '(root)', code: 'custom', message: 'Iets anders.' },
    ],
  };

  it('puts accepted fields on the form and the rest in the general message', () => {
    const { fields, rest } = splitServerFieldErrors(problem, (field) => field === 'email' || field.startsWith('roles.'));
    expect(fields.map((f) => f.field)).toEqual(['email', 'roles.0.team']);
    expect(rest).toEqual(['Iets anders.']);
  });

  it('uses the problem title when the server had no message of its own for the field', () => {
    const { fields } = splitServerFieldErrors(problem, () => true);
    expect(fields[0]?.error).toEqual({ type: 'staff-email-taken', message: 'Er is al een medewerker met dit e-mailadres.' });
  });
});

describe('flattenFieldErrors', () => {
  it('lists nested errors in the order of the form, skipping the DOM ref', () => {
    const errors = {
      roles: [undefined, { team: { type: 'team-required', message: 'Kies een dienst.', ref: { message: 'not me', type: 'x' } } }],
      email: { type: 'email-invalid', message: 'Vul een e-mailadres in.' },
    };
    expect(flattenFieldErrors(errors, ['email', 'displayName', 'roles'])).toEqual([
      { path: 'email', message: 'Vul een e-mailadres in.' },
      { path: 'roles.1.team', message: 'Kies een dienst.' },
    ]);
  });
});

describe('fieldDomId', () => {
  it('turns a dotted path into an id', () => {
    expect(fieldDomId('staff-form', 'roles.0.team')).toBe('staff-form-roles-0-team');
  });
});
