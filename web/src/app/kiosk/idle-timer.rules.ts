/**
 * The kiosk's inactivity timer as a pure state machine: after `idleMs` without input it warns, and
 * after a further `warnMs` without input it expires, upon which the kiosk clears everything and
 * starts over for the next person. Time is passed in, so tests need no clock.
 */
export type IdleConfig = { idleMs: number; warnMs: number };

export type IdleState =
  | { phase: 'active'; lastActivity: number }
  | { phase: 'warning'; lastActivity: number; deadline: number }
  | { phase: 'expired'; at: number };

export type IdleEvent =
  /** Any touch, click or key on the page: the person is still there. Ignored during the warning (see idleStep). */
  | { type: 'activity'; at: number }
  /** "Yes, I am still here" in the warning dialog. */
  | { type: 'continue'; at: number }
  /** The clock moved on. */
  | { type: 'tick'; at: number }
  /** The kiosk was reset and is ready for the next person. */
  | { type: 'restart'; at: number };

export const defaultIdleConfig: IdleConfig = { idleMs: 90_000, warnMs: 15_000 };

export const idleStart = (at: number): IdleState => ({ phase: 'active', lastActivity: at });

export const idleStep = (state: IdleState, event: IdleEvent, config: IdleConfig): IdleState => {
  switch (event.type) {
    case 'restart':
      return idleStart(event.at);
    case 'activity':
      // During the warning only an explicit answer counts: a pointerdown that closed the dialog
      // would let the same tap's click land on whatever lies beneath it. Once expired, the reset is
      // under way and a late tap must not keep the previous person's data.
      return state.phase === 'active' ? idleStart(event.at) : state;
    case 'continue':
      return state.phase === 'expired' ? state : idleStart(event.at);
    case 'tick': {
      if (state.phase === 'expired') return state;
      const deadline = state.lastActivity + config.idleMs + config.warnMs;
      // A sleeping tab can miss the warning altogether; it still expires.
      if (event.at >= deadline) return { phase: 'expired', at: event.at };
      if (event.at - state.lastActivity >= config.idleMs) return { phase: 'warning', lastActivity: state.lastActivity, deadline };
      return state;
    }
  }
};

/** Whole seconds left in the warning, rounded up so the countdown never shows 0 before the end. */
export const secondsLeft = (state: IdleState, at: number): number | undefined =>
  state.phase === 'warning' ? Math.max(0, Math.ceil((state.deadline - at) / 1000)) : undefined;

const seconds = (value: string | null, fallbackMs: number): number => {
  if (value === null || !/^\d+(\.\d+)?$/.test(value)) return fallbackMs;
  const parsed = Number(value);
  return parsed >= 1 && parsed <= 3600 ? parsed * 1000 : fallbackMs;
};

/** Shorter timeouts for tests and demos: `?idle=5&warn=3` (seconds, 1 to 3600); anything else keeps the defaults. */
export const parseIdleConfig = (search: string, defaults: IdleConfig = defaultIdleConfig): IdleConfig => {
  const params = new URLSearchParams(search);
  return { idleMs: seconds(params.get('idle'), defaults.idleMs), warnMs: seconds(params.get('warn'), defaults.warnMs) };
};
