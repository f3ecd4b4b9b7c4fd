import { describe, expect, it } from 'vitest';
import { addDays, auditFilterFormSchema } from './audit-filters.rules.ts';

describe('auditFilterFormSchema', () => {
  it('drops empty fields and sends the number as 11 digits', () => {
    expect(auditFilterFormSchema.parse({ nationalNumber: '85.07.30-033.28', action: '', from: '', to: '' })).toEqual({
      nationalNumber: '85073003328',
      action: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('makes the last day inclusive: the API takes the day after', () => {
    expect(auditFilterFormSchema.parse({ nationalNumber: '', action: 'register', from: '2026-03-01', to: '2026-03-31' })).toMatchObject({
      action: 'register',
      from: '2026-03-01',
      to: '2026-04-01',
    });
  });

  it('refuses an invalid number with the shared validator code', () => {
    const result = auditFilterFormSchema.safeParse({ nationalNumber: '12345678901', action: '', from: '', to: '' });
    expect(result.error?.issues[0]?.path).toEqual(['nationalNumber']);
    expect((result.error?.issues[0] as { params?: { code?: string } } | undefined)?.params?.code).toBe('bad-checksum');
  });

  it('refuses an end date before the start date', () => {
    const result = auditFilterFormSchema.safeParse({ nationalNumber: '', action: '', from: '2026-03-10', to: '2026-03-01' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['to']);
  });

  it('refuses an action with capitals or spaces', () => {
    expect(auditFilterFormSchema.safeParse({ nationalNumber: '', action: 'Register read', from: '', to: '' }).success).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('is not moved by the change to summer time', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });
});
