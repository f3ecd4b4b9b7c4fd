import { useCallback, useEffect, useRef, useState } from 'react';
import { type IdleConfig, type IdleEvent, type IdleState, idleStart, idleStep, secondsLeft } from './idle-timer.rules.ts';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Runs the idle state machine against the real clock and the person's input. `onExpire` runs once
 * per expiry; the timer then starts over by itself.
 */
export const useIdleTimer = (config: IdleConfig, onExpire: () => void) => {
  const [state, setState] = useState<IdleState>(() => idleStart(Date.now()));
  const [now, setNow] = useState(() => Date.now());
  const stateRef = useRef(state);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  const dispatch = useCallback(
    (event: IdleEvent) => {
      const next = idleStep(stateRef.current, event, config);
      if (next === stateRef.current) return;
      stateRef.current = next;
      setState(next);
      if (next.phase === 'expired') {
        onExpireRef.current();
        const restarted = idleStep(next, { type: 'restart', at: Date.now() }, config);
        stateRef.current = restarted;
        setState(restarted);
      }
    },
    [config],
  );

  useEffect(() => {
    const onActivity = () => dispatch({ type: 'activity', at: Date.now() });
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      dispatch({ type: 'tick', at });
    }, 250);
    return () => {
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [dispatch]);

  return {
    phase: state.phase,
    secondsLeft: secondsLeft(state, now),
    stillHere: () => dispatch({ type: 'continue', at: Date.now() }),
  };
};
