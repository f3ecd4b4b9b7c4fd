import { Temporal } from '@js-temporal/polyfill';
import { addWorkingDays, type CityProfile, isWorkingDay, localDate, workingDaysBetween } from '../city/index.ts';
import type { CasePause } from './case.schema.ts';

/**
 * Due dates of cases in working days of the city (weekends, public holidays and whole closing days
 * do not count), per product service norm, with the clock stopped while the case waits for the
 * resident. Pure: "now" is passed in; dates are the city's local calendar dates.
 *
 * Conventions, chosen to match how legal deadlines are counted:
 * - a request received on a non-working day counts as received on the next working day;
 * - the service norm runs from the day after receipt (`addWorkingDays`), so a norm of 0 means "the
 *   day of receipt" and a norm of 1 "the next working day";
 * - a pause from day A to day B gives back the working days after A up to and including B: the day
 *   the question was asked still counts as the city's, the day the answer came in as the resident's;
 * - a case is overdue from the working day after its due date; it is due soon when at most
 *   `dueSoonDays` working days are left (0 = due today).
 */

/** The facts a deadline needs. Instants are ISO strings or Dates. */
export type DeadlineInput = {
  receivedAt: Date | string;
  /** Service norm of the product in working days (`processingTime.workingDays` in the catalogue). */
  serviceNormDays: number;
  /** Periods of waiting for the resident; an open pause (no `to`) is still running. */
  pauses?: readonly CasePause[];
};

export type DeadlineFlag = 'on-track' | 'due-soon' | 'overdue' | 'paused';

export type DeadlineStatus = {
  /** Local date by which the case must be decided (YYYY-MM-DD). */
  dueDate: string;
  flag: DeadlineFlag;
  /** Working days after today up to and including the due date; negative once overdue. */
  workingDaysLeft: number;
  /** Working days given back for waiting on the resident, including a running pause up to today. */
  pausedWorkingDays: number;
};

/** Default of "due soon": two working days or less. */
export const defaultDueSoonDays = 2;

const toIso = (value: Date | string): Date => (typeof value === 'string' ? new Date(value) : value);

/** The first working day on or after `date`. */
const workingDayOnOrAfter = (profile: CityProfile, date: string): string => {
  let day = Temporal.PlainDate.from(date);
  // A city closed for more than a year is a broken profile, not a deadline.
  for (let i = 0; i < 400 && !isWorkingDay(profile, day); i++) day = day.add({ days: 1 });
  return day.toString();
};

/** The local date on which the clock starts: the day of receipt, or the next working day. */
export const deadlineStartDate = (profile: CityProfile, receivedAt: Date | string): string =>
  workingDayOnOrAfter(profile, localDate(profile, toIso(receivedAt)));

/**
 * Working days given back for pauses. A running pause counts up to `now` (the clock stays stopped);
 * without `now` a running pause counts nothing yet.
 */
export const pausedWorkingDays = (profile: CityProfile, pauses: readonly CasePause[], now?: Date): number =>
  pauses.reduce((sum, pause) => {
    const end = pause.to ?? now?.toISOString();
    if (end === undefined) return sum;
    const days = workingDaysBetween(profile, localDate(profile, new Date(pause.from)), localDate(profile, new Date(end)));
    return sum + Math.max(0, days);
  }, 0);

/**
 * The due date: the start date plus the service norm plus the working days spent waiting for the
 * resident. Pass `now` to count a running pause up to today; the date then moves each working day
 * the case keeps waiting. Always a working day.
 */
export const dueDate = (profile: CityProfile, input: DeadlineInput, now?: Date): string => {
  if (!Number.isInteger(input.serviceNormDays) || input.serviceNormDays < 0) {
    throw new RangeError(`serviceNormDays must be a whole number >= 0, got ${input.serviceNormDays}`);
  }
  const start = deadlineStartDate(profile, input.receivedAt);
  return addWorkingDays(profile, start, input.serviceNormDays + pausedWorkingDays(profile, input.pauses ?? [], now));
};

/** Where a case stands against its deadline at `now`. A case waiting for the resident is `paused`. */
export const deadlineStatus = (profile: CityProfile, input: DeadlineInput, now: Date, options: { dueSoonDays?: number } = {}): DeadlineStatus => {
  const dueSoonDays = options.dueSoonDays ?? defaultDueSoonDays;
  const pauses = input.pauses ?? [];
  const due = dueDate(profile, input, now);
  const today = localDate(profile, now);
  const left = workingDaysBetween(profile, today, due);
  // workingDaysBetween counts working days only; a due date that lies before today is overdue even
  // when no working day separates them (due Friday, looked at on Saturday).
  const overdue = today > due;
  const flag: DeadlineFlag = pauses.some((pause) => pause.to === undefined) ? 'paused' : overdue ? 'overdue' : left <= dueSoonDays ? 'due-soon' : 'on-track';
  return { dueDate: due, flag, workingDaysLeft: overdue ? Math.min(left, -1) : left, pausedWorkingDays: pausedWorkingDays(profile, pauses, now) };
};

/** Whether a case decided at `decidedAt` met its deadline (decided on or before the due date). */
export const decidedOnTime = (profile: CityProfile, input: DeadlineInput, decidedAt: Date | string): boolean => {
  const decided = toIso(decidedAt);
  return localDate(profile, decided) <= dueDate(profile, input, decided);
};
