/**
 * Belgian public holidays, computed rather than listed, so the platform keeps working in years
 * nobody typed in. Pure functions: no clock, no time zone (a holiday is a calendar date).
 */

/** A text in the three languages of the platform; holidays always have all three. */
export type HolidayName = { nl: string; fr: string; en: string };

/** The ten legal public holidays of Belgium (Law of 4 January 1974 and its royal decree). */
export const legalHolidayIds = [
  'new-year',
  'easter-monday',
  'labour-day',
  'ascension',
  'whit-monday',
  'national-day',
  'assumption',
  'all-saints',
  'armistice',
  'christmas',
] as const;

export type LegalHolidayId = (typeof legalHolidayIds)[number];

/**
 * Holidays that are not legal holidays for everyone but that a city hall may close on; a city
 * profile opts into them (`closingDays.optionalHolidays`). Flemish city halls usually close on
 * 11 July.
 */
export const optionalHolidayIds = ['flemish-community-day', 'french-community-day', 'german-speaking-community-day', 'kings-feast'] as const;

export type OptionalHolidayId = (typeof optionalHolidayIds)[number];

export type HolidayId = LegalHolidayId | OptionalHolidayId;

/** One holiday in one year. `date` is an ISO calendar date (YYYY-MM-DD). */
export type PublicHoliday = { date: string; id: HolidayId; name: HolidayName };

const names: Record<HolidayId, HolidayName> = {
  'new-year': { nl: 'Nieuwjaar', fr: 'Nouvel An', en: "New Year's Day" },
  'easter-monday': { nl: 'Paasmaandag', fr: 'Lundi de Pâques', en: 'Easter Monday' },
  'labour-day': { nl: 'Dag van de Arbeid', fr: 'Fête du Travail', en: 'Labour Day' },
  ascension: { nl: 'Onze-Lieve-Heer-Hemelvaart', fr: 'Ascension', en: 'Ascension Day' },
  'whit-monday': { nl: 'Pinkstermaandag', fr: 'Lundi de Pentecôte', en: 'Whit Monday' },
  'national-day': { nl: 'Nationale feestdag', fr: 'Fête nationale', en: 'Belgian National Day' },
  assumption: { nl: 'Onze-Lieve-Vrouw-Hemelvaart', fr: 'Assomption', en: 'Assumption Day' },
  'all-saints': { nl: 'Allerheiligen', fr: 'Toussaint', en: "All Saints' Day" },
  armistice: { nl: 'Wapenstilstand', fr: 'Armistice', en: 'Armistice Day' },
  christmas: { nl: 'Kerstmis', fr: 'Noël', en: 'Christmas Day' },
  'flemish-community-day': {
    nl: 'Feestdag van de Vlaamse Gemeenschap',
    fr: 'Fête de la Communauté flamande',
    en: 'Flemish Community Day',
  },
  'french-community-day': {
    nl: 'Feestdag van de Franse Gemeenschap',
    fr: 'Fête de la Fédération Wallonie-Bruxelles',
    en: 'French Community Day',
  },
  'german-speaking-community-day': {
    nl: 'Feestdag van de Duitstalige Gemeenschap',
    fr: 'Fête de la Communauté germanophone',
    en: 'German-speaking Community Day',
  },
  'kings-feast': { nl: 'Koningsdag', fr: 'Fête du Roi', en: "King's Feast" },
};

/** The Dutch, French and English name of a holiday. */
export const holidayName = (id: HolidayId): HolidayName => names[id];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

const assertYear = (year: number) => {
  // The Gregorian Easter rule only holds from 1583; four digits keep the ISO dates valid.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`year must be a whole number from 1583 to 9999, got ${year}`);
  }
};

/**
 * Easter Sunday of a Gregorian year as `{ month, day }`, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Integer arithmetic only, so no Date or time zone can shift it.
 */
export const easterSunday = (year: number): { month: number; day: number } => {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
};

/** Easter Sunday as an ISO date. */
export const easterSundayDate = (year: number): string => {
  const { month, day } = easterSunday(year);
  return iso(year, month, day);
};

const daysAfterEaster = (year: number, days: number): string => {
  const { month, day } = easterSunday(year);
  // Date.UTC only does calendar arithmetic here; UTC has no DST that could skip a day.
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};

const holiday = (id: HolidayId, date: string): PublicHoliday => ({ date, id, name: names[id] });

/**
 * The ten legal Belgian public holidays of `year`, in calendar order. Easter Sunday and Whit
 * Sunday are left out on purpose: they are always Sundays, so they never close anything that a
 * Sunday does not already close (use `easterSundayDate` for Easter itself).
 */
export const belgianPublicHolidays = (year: number): PublicHoliday[] => {
  assertYear(year);
  return [
    holiday('new-year', iso(year, 1, 1)),
    holiday('easter-monday', daysAfterEaster(year, 1)),
    holiday('labour-day', iso(year, 5, 1)),
    holiday('ascension', daysAfterEaster(year, 39)),
    holiday('whit-monday', daysAfterEaster(year, 50)),
    holiday('national-day', iso(year, 7, 21)),
    holiday('assumption', iso(year, 8, 15)),
    holiday('all-saints', iso(year, 11, 1)),
    holiday('armistice', iso(year, 11, 11)),
    holiday('christmas', iso(year, 12, 25)),
  ].sort((x, y) => x.date.localeCompare(y.date));
};

const optionalDates: Record<OptionalHolidayId, { month: number; day: number }> = {
  'flemish-community-day': { month: 7, day: 11 },
  'french-community-day': { month: 9, day: 27 },
  'german-speaking-community-day': { month: 11, day: 15 },
  'kings-feast': { month: 11, day: 15 },
};

/** The optional holidays of `year` that a profile opted into, in calendar order. */
export const optionalHolidays = (year: number, ids: readonly OptionalHolidayId[]): PublicHoliday[] => {
  assertYear(year);
  return [...new Set(ids)].map((id) => holiday(id, iso(year, optionalDates[id].month, optionalDates[id].day))).sort((x, y) => x.date.localeCompare(y.date));
};
