/** Appointments: the availability rules and the API contract. Server and web import from here. */
export * from './appointments.contract.ts';
export * from './availability.rules.ts';
