import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsTouch, safeReturnTo, sessionPolicy, sessionState } from './session.rules.ts';

const at = (iso: string) => new Date(iso);

describe('session timeouts', () => {
  it('gives staff 30 minutes idle, the kiosk 2 minutes', () => {
    expect(sessionPolicy('staff', 'werk').idleSeconds).toBe(1800);
    expect(sessionPolicy('resident', 'kiosk').idleSeconds).toBe(120);
    expect(sessionPolicy('staff', 'kiosk').idleSeconds).toBe(120);
  });

  it('ends a session idle for exactly its timeout, and one past its absolute end', () => {
    const session = { lastSeenAt: at('2026-11-25T10:00:00Z'), idleTimeoutSeconds: 1800, absoluteExpiresAt: at('2026-11-25T18:00:00Z') };
    expect(sessionState(session, at('2026-11-25T10:29:59Z'))).toBe('alive');
    expect(sessionState(session, at('2026-11-25T10:30:00Z'))).toBe('idle-expired');
    expect(sessionState({ ...session, lastSeenAt: at('2026-11-25T17:59:00Z') }, at('2026-11-25T18:00:00Z'))).toBe('expired');
  });

  it('touches often enough that an active person is never logged out', () => {
    fc.assert(
      fc.property(fc.constantFrom(120, 1800), fc.integer({ min: 0, max: 100_000 }), (idle, gapMs) => {
        const session = { lastSeenAt: at('2026-11-25T10:00:00Z'), idleTimeoutSeconds: idle, absoluteExpiresAt: at('2026-11-26T10:00:00Z') };
        const now = new Date(session.lastSeenAt.getTime() + gapMs);
        // Not touching is only allowed while well inside the idle window.
        if (!needsTouch(session, now)) expect(gapMs).toBeLessThan((idle * 1000) / 2);
      }),
    );
  });
});

describe('safeReturnTo', () => {
  it('keeps local paths and refuses everything that could leave the site', () => {
    expect(safeReturnTo('/mijn-gegevens', '/')).toBe('/mijn-gegevens');
    expect(safeReturnTo('/werk?tab=2', '/werk')).toBe('/werk?tab=2');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/auth/logout', '', 42, '/a\nb']) {
      expect(safeReturnTo(bad, '/')).toBe('/');
    }
  });
});
