import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { preferencesSchema } from '../identity/identity.contract.ts';
import { nationalNumberSchema } from '../identity/national-number.rules.ts';
import { issueCode, localizeIssue } from './issue-message.rules.ts';

const firstIssue = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues[0] as z.core.$ZodIssue;
};

describe('localizeIssue', () => {
  it('uses the translations a refinement carries, in the reader language', () => {
    const issue = firstIssue(nationalNumberSchema, '12345678901');
    expect(localizeIssue(issue, 'fr')).toMatch(/^Ce numéro de registre national n'existe pas/);
    expect(localizeIssue(issue, 'en')).toMatch(/^This national register number does not exist/);
    expect(issueCode(issue)).toBe('bad-checksum');
  });

  it('translates an issue added with an explicit developer message (superRefine)', () => {
    const result = preferencesSchema.safeParse({ preferredLanguage: 'nl', contactChannels: ['email'], email: null, phone: null });
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'email') as z.core.$ZodIssue;
    expect(issue.message).toBe('required for e-mail');
    expect(localizeIssue(issue, 'nl')).toBe('Vul uw e-mailadres in als we u per e-mail mogen contacteren.');
    expect(issueCode(issue)).toBe('email-required');
  });

  it("falls back on zod's own locale for built-in checks", () => {
    const issue = firstIssue(z.string().min(2), 'a');
    expect(localizeIssue(issue, 'nl')).toMatch(/Te kort/);
    expect(localizeIssue(issue, 'fr')).toMatch(/Trop petit/);
    expect(issueCode(issue)).toBe('too_small');
  });
});
