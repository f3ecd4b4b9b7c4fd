import { z } from 'zod';
import { languageSchema } from './city-profile.schema.ts';
import { legalHolidayIds, optionalHolidayIds } from './public-holidays.rules.ts';

/**
 * Contract of `GET /api/city`: the public part of the city profile plus what is open today.
 * These schemas describe output only: plain shapes without transforms or defaults, because the
 * serializer encodes through them, and plain objects, so anything not listed (team mailboxes,
 * KBO number, case prefix) is stripped even if a handler passes it by mistake.
 */

const holidayIdSchema = z.enum([...legalHolidayIds, ...optionalHolidayIds]);
const text = z.object({ nl: z.string(), fr: z.string().optional(), en: z.string().optional() });
const interval = z.object({ from: z.string(), to: z.string() });
const dayHours = z.array(interval);
const address = z.object({ street: z.string(), number: z.string(), postcode: z.string(), municipality: z.string() });

const channelPublic = z.object({
  available: z.boolean(),
  alwaysOpen: z.boolean(),
  byAppointment: z.boolean(),
  hours: z.object({
    monday: dayHours.optional(),
    tuesday: dayHours.optional(),
    wednesday: dayHours.optional(),
    thursday: dayHours.optional(),
    friday: dayHours.optional(),
    saturday: dayHours.optional(),
    sunday: dayHours.optional(),
  }),
  exceptions: z.array(z.object({ date: z.string(), hours: dayHours, reason: text.optional() })),
  note: text.optional(),
});

/** One channel today: its hours after holidays and closing days, and whether it is open right now. */
export const channelTodaySchema = z.object({
  available: z.boolean(),
  open: z.boolean().describe('Open at some moment today.'),
  alwaysOpen: z.boolean(),
  intervals: dayHours,
  closedReason: text.optional(),
  closedFrom: z.string().optional(),
  note: text.optional(),
  openNow: z.boolean(),
  nextOpening: z.string().nullable().describe('ISO date-time with offset of the next moment it is open (now when open); null when never.'),
});
export type ChannelToday = z.infer<typeof channelTodaySchema>;

export const upcomingClosingDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['public-holiday', 'optional-holiday', 'council']),
  holidayId: holidayIdSchema.optional(),
  name: text,
  closedFrom: z.string().optional(),
});
export type UpcomingClosingDay = z.infer<typeof upcomingClosingDaySchema>;

const channelMap = <T extends z.ZodType>(schema: T) =>
  z.object({
    online: schema,
    phone: schema,
    counter: schema,
    'quick-desk': schema,
    kiosk: schema,
    home: schema,
  });

export const cityResponseSchema = z.object({
  slug: z.string(),
  name: text,
  languages: z.array(languageSchema),
  defaultLanguage: languageSchema,
  timeZone: z.string(),
  address,
  contact: z.object({ phone: z.string(), email: z.string(), website: z.string() }),
  theme: z.object({
    primaryColor: z.string(),
    primaryTextColor: z.string(),
    accentColor: z.string(),
    focusColor: z.string(),
    logo: z.object({ src: z.string().optional(), svg: z.string().optional(), alt: text }),
  }),
  subMunicipalities: z.array(z.object({ name: z.string(), postcode: z.string() })),
  channels: channelMap(channelPublic),
  desks: z.array(
    z.object({
      id: z.string(),
      name: text,
      location: text,
      kind: z.enum(['counter', 'quick-desk', 'reception', 'kiosk', 'pickup-machine']),
    }),
  ),
  teams: z.array(z.object({ id: z.string(), name: text, kind: z.enum(['department', 'team', 'partner']) })),
  partners: z.array(
    z.object({
      id: z.string(),
      name: text,
      kind: z.enum(['police', 'fire', 'other']),
      contact: z.object({
        phone: z.string().optional(),
        email: z.string().optional(),
        website: z.string().optional(),
        address: address.optional(),
      }),
      note: text.optional(),
    }),
  ),
  today: z.object({
    date: z.string().describe('Local date in the city time zone (YYYY-MM-DD).'),
    channels: channelMap(channelTodaySchema),
  }),
  upcomingClosingDays: z.array(upcomingClosingDaySchema).describe('The next five closing days, today included.'),
});
export type CityResponse = z.infer<typeof cityResponseSchema>;
