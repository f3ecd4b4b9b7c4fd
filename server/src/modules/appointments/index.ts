/**
 * The appointments module: residents book a time at the city hall's counter or a home visit, for
 * the products the catalogue marks as by appointment (`appointment: required | optional` on the
 * `counter` or `home` channel). Availability comes from the city profile (opening hours, closing
 * days, `appointments` settings: slot grid, booking window, minimum notice, capacity, length per
 * product) through the pure rules in shared/src/appointments/availability.rules.ts.
 *
 * Wiring (app.ts): `createAppointmentsService({ db, audit, clock, city, mail, register, products:
 * catalog, publicUrl })`, register `appointmentsRoutes` with `{ appointments }` in the /api context,
 * and give the service to the cases module (`appointments`) for the 360° strip.
 *
 * Table: `appointments` (migration 202612031700_appointments_core.sql). A booking is checked and
 * written while holding the channel's advisory lock, so capacity holds under concurrent bookings.
 * Contracts: shared/src/appointments/appointments.contract.ts.
 */

export { type AppointmentsProblem, appointmentsError, appointmentsProblems } from './appointments.errors.ts';
export { type AppointmentsRoutesOptions, appointmentsRoutes } from './appointments.routes.ts';
export { type AppointmentsDeps, type AppointmentsService, bookableChannels, createAppointmentsService } from './appointments.service.ts';
