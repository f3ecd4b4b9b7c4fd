import { z } from 'zod';
import { optionalHolidayIds } from './public-holidays.rules.ts';

/**
 * The city profile: everything that differs between one city and the next, in one validated file
 * (`config/cities/<slug>.yaml`). Nothing in the code may assume Harelbeke; it reads this instead.
 * Objects are strict so that a misspelt key fails the start instead of being silently ignored.
 */

/** Languages the platform can speak. Dutch is always there: the platform serves Flemish cities. */
export const languageSchema = z.enum(['nl', 'fr', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** A text shown to people, in Dutch and optionally French and English. */
export const localizedTextSchema = z.strictObject({
  nl: z.string().trim().min(1, 'must not be empty'),
  fr: z.string().trim().min(1, 'must not be empty').optional(),
  en: z.string().trim().min(1, 'must not be empty').optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug: lower-case letters, digits and single hyphens');

/** An ISO calendar date; checked to exist (no 31 February). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a real calendar date');

/** A local wall-clock time in the city's time zone, 24-hour, zero-padded so strings sort as times. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

/** One opening interval; `to` is exclusive: 08:30-12:00 means open until 12:00, closed at 12:00. */
export const intervalSchema = z
  .strictObject({ from: timeSchema, to: timeSchema })
  .refine((i) => i.from < i.to, { message: 'must end after it starts (from < to)', path: ['to'] });
export type Interval = z.infer<typeof intervalSchema>;

/** Intervals of one day: in order and not overlapping, so "open now" has a single answer. */
const dayHoursSchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1];
    const current = intervals[i];
    if (previous && current && current.from < previous.to) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'from'],
        message: `overlaps or comes before the previous interval (${previous.from}-${previous.to}); list intervals in order without overlap`,
      });
    }
  }
});

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** Weekly opening hours; a day that is left out is closed. */
export const weeklyHoursSchema = z.strictObject({
  monday: dayHoursSchema.optional(),
  tuesday: dayHoursSchema.optional(),
  wednesday: dayHoursSchema.optional(),
  thursday: dayHoursSchema.optional(),
  friday: dayHoursSchema.optional(),
  saturday: dayHoursSchema.optional(),
  sunday: dayHoursSchema.optional(),
});
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/**
 * Hours of one channel on one date that replace the weekly hours, for example an extra evening
 * before elections or a closed afternoon for a staff meeting. An exception wins over closing days.
 */
export const hoursExceptionSchema = z.strictObject({
  date: isoDateSchema,
  /** The intervals of that date; an empty list closes the channel for the day. */
  hours: dayHoursSchema,
  /** Why, shown to residents. */
  reason: localizedTextSchema.optional(),
});

/** The ways residents reach the city. Keys of `channels` in the profile. */
export const channelIds = ['online', 'phone', 'counter', 'quick-desk', 'kiosk', 'home'] as const;
export const channelIdSchema = z.enum(channelIds);
export type ChannelId = z.infer<typeof channelIdSchema>;

/** One channel: whether the city offers it and when it is open. */
export const channelSchema = z
  .strictObject({
    /** Whether the city offers this channel at all; `false` hides it everywhere. */
    available: z.boolean().default(true),
    /** Open 24/7 (online counter, pickup machine): weekly hours and closing days do not apply. */
    alwaysOpen: z.boolean().default(false),
    /** Residents must book first (counter, home service); walk-in is not served. */
    byAppointment: z.boolean().default(false),
    /** Weekly opening hours in the city's time zone. */
    hours: weeklyHoursSchema.default({}),
    /** Dated overrides of the weekly hours, at most one per date. */
    exceptions: z.array(hoursExceptionSchema).default([]),
    /** A short explanation shown beside the hours, e.g. where the kiosk stands. */
    note: localizedTextSchema.optional(),
  })
  .superRefine((channel, ctx) => {
    const hasHours = Object.values(channel.hours).some((day) => day && day.length > 0);
    if (channel.alwaysOpen && hasHours) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'must be left out when alwaysOpen is true' });
    }
    if (channel.alwaysOpen && channel.exceptions.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['exceptions'], message: 'must be left out when alwaysOpen is true' });
    }
    if (!channel.available && channel.alwaysOpen) {
      ctx.addIssue({ code: 'custom', path: ['alwaysOpen'], message: 'must be false when available is false' });
    }
    if (!channel.available && hasHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['hours'],
        message: 'must be left out when available is false (or set available to true)',
      });
    }
    if (channel.available && !channel.alwaysOpen && !hasHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['hours'],
        message: 'are empty: give weekly hours, set alwaysOpen: true, or set available: false',
      });
    }
    const seen = new Set<string>();
    channel.exceptions.forEach((exception, index) => {
      if (seen.has(exception.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exceptions', index, 'date'],
          message: 'appears twice; keep one exception per date',
        });
      }
      seen.add(exception.date);
    });
  });
export type Channel = z.infer<typeof channelSchema>;

const hexColorSchema = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour like #00566B');

/** Relative luminance per WCAG 2.x, from a #RGB or #RRGGBB colour. */
export const relativeLuminance = (hex: string): number => {
  const digits = hex.slice(1);
  const full =
    digits.length === 3
      ? digits
          .split('')
          .map((d) => d + d)
          .join('')
      : digits;
  const channel = (offset: number) => {
    const c = Number.parseInt(full.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
};

/** WCAG contrast ratio of two colours, from 1 to 21. */
export const contrastRatio = (a: string, b: string): number => {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
};

const white = '#FFFFFF';

/**
 * Design tokens for the NL Design System theme. Contrast is checked here, at start, because a
 * city picking its brand colour should learn at once that the colour fails WCAG AA.
 */
export const themeSchema = z
  .strictObject({
    /** Brand colour: buttons, links and headings on white; needs 4.5:1 on white (WCAG AA text). */
    primaryColor: hexColorSchema,
    /** Text colour on a primary-coloured background; needs 4.5:1 against the primary colour. */
    primaryTextColor: hexColorSchema.default('#FFFFFF'),
    /** Decorative second colour (borders, highlights); never carries text, so it has no contrast rule. */
    accentColor: hexColorSchema,
    /** Focus outline; needs 3:1 on white (WCAG 1.4.11 non-text contrast). */
    focusColor: hexColorSchema,
    /** The city logo. */
    logo: z
      .strictObject({
        /** Path below the web app's public folder or an https URL. */
        src: z.string().min(1).optional(),
        /** An inline SVG document, for cities that ship the logo in the profile itself. */
        svg: z.string().trim().startsWith('<svg', 'must be an inline SVG starting with <svg').optional(),
        /** Alternative text for screen readers. */
        alt: localizedTextSchema,
      })
      .refine((logo) => (logo.src === undefined) !== (logo.svg === undefined), {
        message: 'needs exactly one of src (a path) or svg (inline SVG)',
      }),
  })
  .superRefine((theme, ctx) => {
    const rule = (path: string, colour: string, on: string, onName: string, minimum: number, fix: string) => {
      const ratio = contrastRatio(colour, on);
      if (ratio < minimum) {
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: `has a contrast of ${ratio.toFixed(2)}:1 on ${onName}; WCAG AA needs at least ${minimum}:1, ${fix}`,
        });
      }
      return ratio >= minimum;
    };
    const primaryPasses = rule('primaryColor', theme.primaryColor, white, 'white', 4.5, 'choose a darker colour');
    // Text on a failing primary colour is a consequence of the first problem; report that one only.
    if (primaryPasses) rule('primaryTextColor', theme.primaryTextColor, theme.primaryColor, 'the primary colour', 4.5, 'choose white or a lighter colour');
    rule('focusColor', theme.focusColor, white, 'white', 3, 'choose a darker colour');
  });
export type Theme = z.infer<typeof themeSchema>;

const postcodeSchema = z.string().regex(/^[1-9]\d{3}$/, 'must be a Belgian postcode of four digits');

/** A postal address in Belgium. */
export const addressSchema = z.strictObject({
  street: z.string().trim().min(1, 'must not be empty'),
  /** House number with any box or letter, as written on the door ("29", "12A", "3 bus 2"). */
  number: z.string().trim().min(1, 'must not be empty'),
  postcode: postcodeSchema,
  municipality: z.string().trim().min(1, 'must not be empty'),
});
export type Address = z.infer<typeof addressSchema>;

const phoneSchema = z.string().regex(/^\+?[0-9][0-9 ./]{5,}[0-9]$/, 'must be a phone number of digits and spaces, e.g. 056 73 33 11');

const websiteSchema = z.url({ protocol: /^https$/, message: 'must be an https:// URL' });

/** How people reach an organisation. */
export const contactSchema = z.strictObject({
  phone: phoneSchema,
  email: z.email('must be an e-mail address'),
  website: websiteSchema,
});
export type Contact = z.infer<typeof contactSchema>;

/** Contact data of a partner organisation; every part optional because partners publish different things. */
export const partnerContactSchema = z.strictObject({
  phone: phoneSchema.optional(),
  email: z.email('must be an e-mail address').optional(),
  website: websiteSchema.optional(),
  address: addressSchema.optional(),
});

/** A sub-municipality (deelgemeente) with its postcode; several may share a postcode. */
export const subMunicipalitySchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  postcode: postcodeSchema,
});

/** A department or team that cases and reports can be handed to. */
export const teamSchema = z.strictObject({
  /** Stable code name used in cases and routing rules; never change it once cases refer to it. */
  id: idSchema,
  name: localizedTextSchema,
  /** Functional mailbox of the team (not a person's). */
  email: z.email('must be an e-mail address'),
  /** `department`: a service of the city; `team`: a unit inside one; `partner`: an outside desk staffed in city hall. */
  kind: z.enum(['department', 'team', 'partner']),
});
export type Team = z.infer<typeof teamSchema>;

/** An outside organisation that residents are referred to (police zone, fire and rescue zone, ...). */
export const partnerSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  kind: z.enum(['police', 'fire', 'other']),
  contact: partnerContactSchema,
  /** What residents go there for, shown when the city refers them. */
  note: localizedTextSchema.optional(),
});
export type Partner = z.infer<typeof partnerSchema>;

/** A physical place where residents are served; the queue and appointments refer to desks by id. */
export const deskSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  /** Where it is, so a resident can find it ("Stadhuis, gelijkvloers"). */
  location: localizedTextSchema,
  kind: z.enum(['counter', 'quick-desk', 'reception', 'kiosk', 'pickup-machine']),
});
export type Desk = z.infer<typeof deskSchema>;

/**
 * How residents book appointments (channels `counter` and `home` with `byAppointment`). Which products
 * can be booked, and on which of the two channels, comes from the catalogue (a channel with
 * `appointment: required` or `optional`).
 */
export const appointmentSettingsSchema = z.strictObject({
  /** The grid of start times within each opening interval, and the length of an appointment unless `minutes` says otherwise. */
  slotMinutes: z.number().int().min(5).max(120).default(15),
  /** How far ahead a resident can book. */
  bookAheadDays: z.number().int().min(1).max(366).default(60),
  /** How long before its start a slot can still be booked (and a booking cancelled online). */
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(120),
  /** Appointments served at the same time. Counter: the number of desks of kind `counter` unless set. Home: visiting teams. */
  capacity: z.strictObject({ counter: z.number().int().min(1).optional(), home: z.number().int().min(1).default(1) }).default({ home: 1 }),
  /** Length in minutes per product slug, a multiple of `slotMinutes` (a marriage takes longer than an eID). */
  minutes: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.number().int().min(5).max(480)).default({}),
});
export type AppointmentSettings = z.infer<typeof appointmentSettingsSchema>;

/** A closing day decided by the council (collegebesluit), on top of the public holidays. */
export const councilClosingDaySchema = z.strictObject({
  date: isoDateSchema,
  name: localizedTextSchema,
  /**
   * Closed only from this time on (e.g. "12:00" on 24 December). Left out: closed all day.
   * A partly closed day still counts as a working day for deadlines.
   */
  closedFrom: timeSchema.optional(),
});
export type CouncilClosingDay = z.infer<typeof councilClosingDaySchema>;

export const closingDaysSchema = z
  .strictObject({
    /** Closed on the ten legal Belgian public holidays. Almost always true. */
    closedOnPublicHolidays: z.boolean().default(true),
    /** Community or other holidays the city hall also closes on; Flemish cities: flemish-community-day (11 July). */
    optionalHolidays: z.array(z.enum(optionalHolidayIds)).default([]),
    /** Extra closing days decided by the council, per year. */
    days: z.array(councilClosingDaySchema).default([]),
  })
  .superRefine((closing, ctx) => {
    const seen = new Set<string>();
    closing.days.forEach((day, index) => {
      if (seen.has(day.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', index, 'date'],
          message: 'appears twice; keep one closing day per date',
        });
      }
      seen.add(day.date);
    });
  });

/** KBO/BCE enterprise number: 10 digits, the last two are 97 minus the first eight modulo 97. */
const kboNumberSchema = z
  .string()
  .regex(/^[01]\d{3}[. ]?\d{3}[. ]?\d{3}$/, 'must be a KBO number of 10 digits starting with 0 or 1, e.g. 0207492502')
  .transform((value) => value.replace(/[. ]/g, ''))
  .refine((digits) => 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8)), {
    message: 'has a wrong check number (the last two digits must be 97 minus the first eight modulo 97)',
  });

const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Brussels');

const uniqueIds = <T extends { id: string }>(items: T[], ctx: z.RefinementCtx, field: string) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: 'is used twice; ids must be unique',
      });
    }
    seen.add(item.id);
  });
};

/** Paths of localized texts missing a language the profile offers (walks the parsed value). */
const missingTranslations = (
  value: unknown,
  languages: readonly Language[],
  path: (string | number)[] = [],
): { path: (string | number)[]; language: Language }[] => {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => missingTranslations(item, languages, [...path, index]));
  }
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  const isLocalized = 'nl' in value && keys.every((key) => key === 'nl' || key === 'fr' || key === 'en');
  if (isLocalized) {
    return languages.filter((language) => !(language in value)).map((language) => ({ path, language }));
  }
  return Object.entries(value).flatMap(([key, child]) => missingTranslations(child, languages, [...path, key]));
};

export const cityProfileSchema = z
  .strictObject({
    /** Code name of the city, used in file names and URLs (`harelbeke`). */
    slug: idSchema,
    /** Official name of the city. */
    name: localizedTextSchema,
    /** NIS/INS code of Statbel (5 digits), the key of the municipality in federal data. */
    nisCode: z.string().regex(/^\d{5}$/, 'must be a NIS code of 5 digits, e.g. 34013'),
    /** Eurostat LAU code: BE + the NUTS 3 digits + the NIS code (BE25434013). */
    lauCode: z.string().regex(/^BE\d{8}$/, 'must be a LAU code: BE followed by 8 digits, e.g. BE25434013'),
    /** KBO/BCE number of the city as an organisation (dots allowed; stored as 10 digits). */
    kboNumber: kboNumberSchema,
    /** IANA time zone of opening hours and deadlines. */
    timeZone: timeZoneSchema.default('Europe/Brussels'),
    /** Languages the city serves residents in; Dutch must be one of them. */
    languages: z
      .array(languageSchema)
      .min(1, 'must list at least nl')
      .refine((l) => l.includes('nl'), 'must contain nl')
      .refine((l) => new Set(l).size === l.length, 'must not list a language twice')
      .default(['nl']),
    /** Language of a visitor who has not chosen one. */
    defaultLanguage: languageSchema.default('nl'),
    /** Letters in front of human case numbers (HB-2026-000123); two to four capitals. */
    caseReferencePrefix: z.string().regex(/^[A-Z]{2,4}$/, 'must be 2 to 4 capital letters, e.g. HB'),
    /** Sub-municipalities (deelgemeenten) with their postcodes, for address forms. */
    subMunicipalities: z.array(subMunicipalitySchema).min(1, 'must list at least one sub-municipality'),
    /** Address of the city hall. */
    address: addressSchema,
    /** General contact data of the city. */
    contact: contactSchema,
    theme: themeSchema,
    teams: z.array(teamSchema).min(1, 'must list at least one team'),
    partners: z.array(partnerSchema).default([]),
    desks: z.array(deskSchema).default([]),
    /** Every channel, present even when not offered (`available: false`), so the choice is explicit. */
    channels: z.strictObject({
      online: channelSchema,
      phone: channelSchema,
      counter: channelSchema,
      'quick-desk': channelSchema,
      kiosk: channelSchema,
      home: channelSchema,
    }),
    closingDays: closingDaysSchema.default({ closedOnPublicHolidays: true, optionalHolidays: [], days: [] }),
    appointments: appointmentSettingsSchema.default({ slotMinutes: 15, bookAheadDays: 60, minimumNoticeMinutes: 120, capacity: { home: 1 }, minutes: {} }),
    /** Data protection choices of the city (decided with its data protection officer). */
    privacy: z
      .strictObject({
        /**
         * Whether "who saw my data" names the employee, or only the organisation and team. The
         * national register shows organisations only; many cities do the same to protect staff.
         */
        showEmployeeNamesToResidents: z.boolean().default(false),
      })
      .default({ showEmployeeNamesToResidents: false }),
  })
  .superRefine((profile, ctx) => {
    for (const [product, minutes] of Object.entries(profile.appointments.minutes)) {
      if (minutes % profile.appointments.slotMinutes !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['appointments', 'minutes', product],
          message: `must be a multiple of slotMinutes (${profile.appointments.slotMinutes})`,
        });
      }
    }
    if (!profile.lauCode.endsWith(profile.nisCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lauCode'],
        message: `must end with the NIS code ${profile.nisCode}`,
      });
    }
    if (!profile.languages.includes(profile.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: `must be one of languages (${profile.languages.join(', ')})`,
      });
    }
    uniqueIds(profile.teams, ctx, 'teams');
    uniqueIds(profile.partners, ctx, 'partners');
    uniqueIds(profile.desks, ctx, 'desks');
    for (const missing of missingTranslations(profile, profile.languages)) {
      ctx.addIssue({
        code: 'custom',
        path: [...missing.path, missing.language],
        message: `is missing: the profile offers ${missing.language} in languages, so every text needs a ${missing.language} translation`,
      });
    }
  });

/** A validated city profile, with defaults filled in. */
export type CityProfile = z.output<typeof cityProfileSchema>;
/** A city profile as written in the file, before defaults. */
export type CityProfileInput = z.input<typeof cityProfileSchema>;
