import { z } from 'zod';
import { isoDateSchema } from '../city/city-profile.schema.ts';
import { languageSchema } from '../platform/language.ts';

/**
 * The appointments API: which products can be booked, the free slots, booking, "Mijn afspraken"
 * with cancelling and an iCalendar file, and the staff's day agenda. Instants are ISO 8601 with
 * an offset; local dates YYYY-MM-DD in the city's time zone.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const instant = z.iso.datetime({ offset: true });

export const appointmentChannelSchema = z.enum(['counter', 'home']);
export const appointmentStatusSchema = z.enum(['booked', 'cancelled']);

/** `GET /api/appointments/products`: what can be booked, on which channel, for how long. */
export const bookableProductSchema = z.object({
  slug,
  title: z.string(),
  channels: z.array(appointmentChannelSchema).min(1),
  minutes: z.number().int(),
  /** The catalogue says an appointment is required on (some of) these channels, rather than optional. */
  required: z.boolean(),
});
export const bookableProductsResponseSchema = z.object({ items: z.array(bookableProductSchema) });
export type BookableProduct = z.infer<typeof bookableProductSchema>;

/** `GET /api/appointments/slots`. */
export const slotsQuerySchema = z.object({
  product: slug.describe('The product slug.'),
  channel: appointmentChannelSchema.default('counter'),
  from: isoDateSchema.optional().describe('First local date (default: today).'),
  days: z.coerce.number().int().min(1).max(31).default(7),
});
export const slotSchema = z.object({ start: instant, end: instant, time: z.string().regex(/^\d{2}:\d{2}$/) });
export const daySlotsSchema = z.object({
  date: isoDateSchema,
  slots: z.array(slotSchema),
  /** Why the channel is closed (all day or from some hour on): a holiday or a closing day. */
  closedReason: z.string().optional(),
});
export const slotsResponseSchema = z.object({
  product: slug,
  channel: appointmentChannelSchema,
  minutes: z.number().int(),
  /** The last date that can be booked now. */
  lastBookableDate: isoDateSchema,
  days: z.array(daySlotsSchema),
});
export type SlotsResponse = z.infer<typeof slotsResponseSchema>;

/** `POST /api/appointments` (a logged-in resident; `Idempotency-Key` makes a retry answer the same booking). */
export const bookAppointmentRequestSchema = z.object({
  product: slug,
  channel: appointmentChannelSchema.default('counter'),
  start: instant,
  /** What the resident wants the desk to know beforehand (no national register numbers or medical details). */
  note: z.string().trim().max(500).optional(),
});
export type BookAppointmentRequest = z.input<typeof bookAppointmentRequestSchema>;

/** `POST /api/work/appointments` (cases:work): an employee books for a person in the register (a call, the desk). */
export const bookForRequestSchema = bookAppointmentRequestSchema.extend({
  /** The register person (from a person lookup). */
  personId: z.uuid(),
  /** The language of the confirmation mail; default the person's account language, else Dutch. */
  language: languageSchema.optional(),
});
export type BookForRequest = z.input<typeof bookForRequestSchema>;

/** What every view of an appointment says: what, how, when. */
const appointmentBaseSchema = z.object({
  id: z.uuid(),
  product: z.object({ slug, title: z.string() }),
  channel: appointmentChannelSchema,
  start: instant,
  end: instant,
});

/** One appointment as its resident sees it. */
export const appointmentSchema = appointmentBaseSchema.extend({
  status: appointmentStatusSchema,
  /** Where: the city hall's address for the counter, the resident's home for a home visit. */
  place: z.string(),
  note: z.string().nullable(),
  language: languageSchema,
  createdAt: instant,
  cancelledAt: instant.nullable(),
  /** Whether it can still be cancelled online (booked, and not within the minimum notice). */
  cancellable: z.boolean(),
  /** The iCalendar file of the appointment. */
  calendarUrl: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** `GET /api/me/appointments`: upcoming first (soonest first), then past and cancelled ones (newest first). */
export const myAppointmentsResponseSchema = z.object({ upcoming: z.array(appointmentSchema), earlier: z.array(appointmentSchema) });
export type MyAppointmentsResponse = z.infer<typeof myAppointmentsResponseSchema>;

/** `GET /api/work/appointments?date=`: a day's agenda for the staff (cases:work). */
export const agendaQuerySchema = z.object({ date: isoDateSchema, channel: appointmentChannelSchema.optional() });
export const agendaItemSchema = appointmentBaseSchema.extend({
  status: appointmentStatusSchema,
  person: z.object({ id: z.uuid().nullable(), name: z.string() }),
  note: z.string().nullable(),
});
export const agendaResponseSchema = z.object({ date: isoDateSchema, items: z.array(agendaItemSchema) });
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** In the 360° strip of a case: the requester's upcoming appointments. */
export const upcomingAppointmentSchema = appointmentBaseSchema;
export type UpcomingAppointment = z.infer<typeof upcomingAppointmentSchema>;
