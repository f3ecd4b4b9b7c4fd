/**
 * Appointments in the web app: booking a time at the city hall or a home visit (`/afspraak`),
 * "Mijn afspraken" with the agenda file and cancelling, the workspace's day agenda
 * (`/werk/afspraken`) and the "Maak een afspraak" link of a product page.
 */
export { AgendaPage } from './AgendaPage.tsx';
export { BookAppointmentAction } from './BookAppointmentAction.tsx';
export { BookAppointmentPage } from './BookAppointmentPage.tsx';
export { BookForPage } from './BookForPage.tsx';
export { MyAppointmentsPage } from './MyAppointmentsPage.tsx';
