import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Appointment,
  agendaQuerySchema,
  agendaResponseSchema,
  appointmentSchema,
  bookAppointmentRequestSchema,
  bookableProductsResponseSchema,
  bookForRequestSchema,
  myAppointmentsResponseSchema,
  slotsQuerySchema,
  slotsResponseSchema,
} from '../../../../shared/src/appointments/index.ts';
import type { Actor, ResidentActor, StaffActor } from '../../../../shared/src/identity/access.ts';
import { readIdempotencyKey } from '../../platform/http/idempotency-key.ts';
import { requestLanguage } from '../../platform/http/problem.ts';
import { appointmentsError } from './appointments.errors.ts';
import type { AppointmentsService } from './appointments.service.ts';

export type AppointmentsRoutesOptions = { appointments: AppointmentsService };

const noStore = 'no-store';
const idParams = z.object({ id: z.uuid().describe('The appointment id.') });
const idempotencyHeader = z.looseObject({
  'idempotency-key': z.string().optional().describe('Makes a retry return the first booking instead of a second one.'),
});

// The routes' permissions are only ever held by residents (self:*, requests:*) or staff (cases:work).
const residentOf = (actor: Actor): ResidentActor => {
  if (actor.kind !== 'resident') throw appointmentsError('appointment-not-found');
  return actor;
};
const idempotencyKeyOf = (request: FastifyRequest): string | undefined => {
  const key = readIdempotencyKey(request);
  if (typeof key === 'object') throw appointmentsError('appointment-idempotency-key-invalid');
  return key;
};
/** A booking's answer: 201 when it was made now, 200 for a retry that finds the first one. */
const sendBooking = (reply: FastifyReply, result: { created: boolean; appointment: Appointment }) =>
  reply
    .status(result.created ? 201 : 200)
    .header('cache-control', noStore)
    .send(result.appointment);

const staffOf = (actor: Actor): StaffActor => {
  if (actor.kind !== 'staff') throw appointmentsError('appointment-not-found');
  return actor;
};

/**
 * Appointments: what can be booked and when (anyone), booking (a logged-in resident), "Mijn
 * afspraken" with cancelling and the iCalendar file (the resident's own only: someone else's id
 * answers 404 and is audited), and the staff's day agenda (cases:work).
 */
export const appointmentsRoutes: FastifyPluginAsync<AppointmentsRoutesOptions> = async (app, { appointments }) => {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/appointments/products',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appointments'],
        summary: 'The products a resident can book an appointment for, with the channels (counter, home) and the length',
        response: { 200: bookableProductsResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { items: await appointments.listProducts(requestLanguage(request)) };
    },
  );

  routes.get(
    '/api/appointments/slots',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appointments'],
        summary: 'The free slots of a product on a channel, per day',
        description:
          'Within the channel opening hours after holidays and closing days, on the slot grid, at least the minimum notice ahead and within the booking window; a time is free while fewer appointments overlap it than the channel serves at once. `appointment-product-not-bookable`, `appointment-channel-not-offered`.',
        querystring: slotsQuerySchema,
        response: { 200: slotsResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      const lang = requestLanguage(request);
      const result = await appointments.slots(request.query);
      return {
        ...result,
        days: result.days.map((day) => ({
          date: day.date,
          slots: day.slots.map((slot) => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), time: slot.time })),
          ...(day.closedReason ? { closedReason: day.closedReason[lang] ?? day.closedReason.nl } : {}),
        })),
      };
    },
  );

  routes.post(
    '/api/appointments',
    {
      config: { access: { permission: 'requests:create-basic' } },
      schema: {
        tags: ['appointments'],
        summary: 'Book an appointment as a logged-in resident',
        description:
          'Answers 201 with the appointment and e-mails a confirmation. Refusals name the field: `appointment-slot-taken` (409), `appointment-too-soon`, `appointment-too-far`, `appointment-not-a-slot` (start), `appointment-overlaps-own` (start: another appointment of theirs at that time), `appointment-product-not-bookable`, `appointment-already-booked` (product), `appointment-channel-not-offered` (channel), `appointment-home-needs-register`. With an `Idempotency-Key` a retry answers 200 with the first booking.',
        headers: idempotencyHeader,
        body: bookAppointmentRequestSchema,
        response: { 200: appointmentSchema, 201: appointmentSchema },
      },
    },
    async (request, reply) => {
      const result = await appointments.book(request.actor, request.body, {
        idempotencyKey: idempotencyKeyOf(request),
        requestLanguage: requestLanguage(request),
      });
      return sendBooking(reply, result);
    },
  );

  routes.get(
    '/api/me/appointments',
    {
      config: { access: { permission: 'self:read' } },
      schema: { tags: ['appointments'], summary: 'Mijn afspraken: upcoming, then earlier and cancelled', response: { 200: myAppointmentsResponseSchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return appointments.listMine(residentOf(request.actor), requestLanguage(request));
    },
  );

  routes.post(
    '/api/me/appointments/:id/cancel',
    {
      config: { access: { permission: 'self:update' } },
      schema: {
        tags: ['appointments'],
        summary: 'Cancel one of my appointments',
        description:
          '`appointment-not-cancellable` (409) once it is cancelled, past, or within the minimum notice; `appointment-not-found` for an id that is not mine.',
        params: idParams,
        response: { 200: appointmentSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return appointments.cancel(residentOf(request.actor), request.params.id, requestLanguage(request));
    },
  );

  routes.get(
    '/api/me/appointments/:id/calendar.ics',
    {
      config: { access: { permission: 'self:read' } },
      schema: { tags: ['appointments'], summary: 'One of my appointments as an iCalendar file (RFC 5545)', params: idParams, produces: ['text/calendar'] },
    },
    async (request, reply) => {
      const file = await appointments.calendar(residentOf(request.actor), request.params.id, requestLanguage(request));
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .type('text/calendar; charset=utf-8')
        .send(file.body);
    },
  );

  routes.post(
    '/api/work/appointments',
    {
      config: { access: { permission: 'cases:work' } },
      schema: {
        tags: ['appointments'],
        summary: 'Book an appointment for a person in the register (an employee, on the phone or at the desk)',
        description:
          'As `POST /api/appointments`, for `personId` (from a person lookup): the appointment is the person’s own and shows in their Mijn afspraken. `appointment-person-not-found` (personId) when the register does not know them. Written to the audit log with the employee.',
        headers: idempotencyHeader,
        body: bookForRequestSchema,
        response: { 200: appointmentSchema, 201: appointmentSchema },
      },
    },
    async (request, reply) => {
      const result = await appointments.bookFor(staffOf(request.actor), request.body, {
        idempotencyKey: idempotencyKeyOf(request),
        requestLanguage: requestLanguage(request),
      });
      return sendBooking(reply, result);
    },
  );

  routes.get(
    '/api/work/appointments',
    {
      config: { access: { permission: 'cases:work' } },
      schema: {
        tags: ['appointments'],
        summary: "A day's appointments (agenda) for the staff",
        description: "Booked and cancelled, in order of time, with each person's name from the register; the read is written to the audit log per person.",
        querystring: agendaQuerySchema,
        response: { 200: agendaResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', noStore);
      return appointments.agenda(staffOf(request.actor), request.query, requestLanguage(request), request.id);
    },
  );
};
