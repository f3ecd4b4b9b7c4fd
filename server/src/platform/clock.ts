/** The source of "now" for rules and services; tests pass a fixed or stepping clock instead of sleeping. */
export type Clock = { now: () => Date };

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where a test puts it. */
export const fixedClock = (at: Date | string): Clock & { set: (to: Date | string) => void; advance: (ms: number) => void } => {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
};
