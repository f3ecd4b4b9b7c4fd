import { describe, expect, it } from 'vitest';
import { type IdleEvent, type IdleState, idleStart, idleStep, parseIdleConfig, secondsLeft } from './idle-timer.rules.ts';

const config = { idleMs: 90_000, warnMs: 15_000 };
const run = (events: IdleEvent[], start: IdleState = idleStart(0)) => events.reduce((state, event) => idleStep(state, event, config), start);
const tick = (at: number): IdleEvent => ({ type: 'tick', at });
const activity = (at: number): IdleEvent => ({ type: 'activity', at });
const answer = (at: number): IdleEvent => ({ type: 'continue', at });

describe('idleStep', () => {
  it.each([
    ['stays active before the idle time', [tick(89_999)], 'active'],
    ['warns at the idle time', [tick(90_000)], 'warning'],
    ['expires after the warning', [tick(90_000), tick(105_000)], 'expired'],
    ['"still here" during the warning keeps the session', [tick(90_000), answer(95_000), tick(105_000)], 'active'],
    ['a stray touch during the warning does not answer it', [tick(90_000), activity(95_000)], 'warning'],
    ['a stray touch during the warning does not stop the reset', [tick(90_000), activity(95_000), tick(105_000)], 'expired'],
    ['"still here" after expiry does not undo the reset', [tick(200_000), answer(200_001)], 'expired'],
    ['activity restarts the idle time', [activity(60_000), tick(149_999)], 'active'],
    ['warns again after renewed idleness', [activity(60_000), tick(150_000)], 'warning'],
    ['a sleeping tab expires without warning first', [tick(200_000)], 'expired'],
    ['a tap after expiry does not undo the reset', [tick(200_000), activity(200_001)], 'expired'],
    ['restart after expiry starts over', [tick(200_000), { type: 'restart', at: 200_100 } as const, tick(200_200)], 'active'],
  ] as const)('%s', (_name, events, phase) => {
    expect(run([...events]).phase).toBe(phase);
  });

  it('sets the deadline from the last activity', () => {
    expect(run([activity(10_000), tick(100_000)])).toEqual({ phase: 'warning', lastActivity: 10_000, deadline: 115_000 });
  });
});

describe('secondsLeft', () => {
  it('counts down in whole seconds, rounded up', () => {
    const warning = run([tick(90_000)]);
    expect(secondsLeft(warning, 90_000)).toBe(15);
    expect(secondsLeft(warning, 90_001)).toBe(15);
    expect(secondsLeft(warning, 104_001)).toBe(1);
    expect(secondsLeft(warning, 106_000)).toBe(0);
    expect(secondsLeft(idleStart(0), 0)).toBeUndefined();
  });
});

describe('parseIdleConfig', () => {
  it.each([
    ['', { idleMs: 90_000, warnMs: 15_000 }],
    ['?idle=5', { idleMs: 5_000, warnMs: 15_000 }],
    ['?idle=5&warn=3', { idleMs: 5_000, warnMs: 3_000 }],
    ['?idle=0.5', { idleMs: 90_000, warnMs: 15_000 }],
    ['?idle=-1&warn=abc', { idleMs: 90_000, warnMs: 15_000 }],
    ['?idle=99999', { idleMs: 90_000, warnMs: 15_000 }],
  ])('%s', (search, expected) => {
    expect(parseIdleConfig(search)).toEqual(expected);
  });
});
