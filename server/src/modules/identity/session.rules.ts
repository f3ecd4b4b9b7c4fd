import type { Surface } from '../../../../shared/src/identity/access.ts';

/** Session lifetimes, by who logged in and where. */
export type SessionPolicy = { idleSeconds: number; absoluteSeconds: number };

/**
 * Idle and absolute timeouts. Staff: 30 minutes idle (the issue), a working day in all. Residents
 * on the portal: 30 minutes idle, 8 hours in all. The kiosk is a shared device in the entrance
 * hall: 2 minutes idle, 30 minutes in all, whoever logged in on it.
 */
export const sessionPolicy = (kind: 'resident' | 'staff', surface: Surface): SessionPolicy => {
  if (surface === 'kiosk') return { idleSeconds: 2 * 60, absoluteSeconds: 30 * 60 };
  if (kind === 'staff') return { idleSeconds: 30 * 60, absoluteSeconds: 10 * 60 * 60 };
  return { idleSeconds: 30 * 60, absoluteSeconds: 8 * 60 * 60 };
};

export type SessionTimes = { lastSeenAt: Date; idleTimeoutSeconds: number; absoluteExpiresAt: Date };

/** Whether a session may still be used at `now`: neither idle for too long nor past its absolute end. */
export const sessionState = (session: SessionTimes, now: Date): 'alive' | 'idle-expired' | 'expired' => {
  if (now.getTime() >= session.absoluteExpiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= session.idleTimeoutSeconds * 1000) return 'idle-expired';
  return 'alive';
};

/**
 * Whether to write a new last-seen time. Writing on every request would turn every read into a
 * write; a minute of slack is far below the shortest idle timeout (2 minutes on the kiosk) only if
 * the slack shrinks with it, so it is a fifth of the idle timeout, at most a minute.
 */
export const needsTouch = (session: SessionTimes, now: Date): boolean =>
  now.getTime() - session.lastSeenAt.getTime() >= Math.min(60, session.idleTimeoutSeconds / 5) * 1000;

/** Only local paths are accepted as a place to return to after login: no open redirect. */
export const safeReturnTo = (value: unknown, fallback: string): string => {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c === '\\')) return fallback;
  if (value.startsWith('/auth/') || value.startsWith('/api/') || value.startsWith('/idp')) return fallback;
  return value;
};
