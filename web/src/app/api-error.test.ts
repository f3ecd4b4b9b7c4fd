import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './api-error.ts';

describe('toApiError', () => {
  it('keeps the title and field errors of a problem document', () => {
    const error = toApiError(
      422,
      {
        type: 'https://gastvrij.example/problems/validation',
        title: 'Niet alle velden zijn juist ingevuld.',
        status: 422,
        code: 'validation',
        errors: [{ field: 'email', code: 'invalid_format', message: 'Ongeldig e-mailadres' }],
      },
      'Er ging iets mis.',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation');
    expect(error.title).toBe('Niet alle velden zijn juist ingevuld.');
    expect(error.fieldError('email')).toBe('Ongeldig e-mailadres');
    expect(error.fieldError('name')).toBeUndefined();
  });

  it.each([null, '<html>Bad gateway</html>', { message: 'nope' }])('falls back for %o', (body) => {
    const error = toApiError(502, body, 'Er ging iets mis.');
    expect(error).toMatchObject({ status: 502, code: 'unexpected-response', title: 'Er ging iets mis.', fieldErrors: [] });
  });
});
