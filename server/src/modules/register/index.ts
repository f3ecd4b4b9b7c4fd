/**
 * The population register module: who lives where, with whom, and where they lived before.
 *
 * Other modules depend on the PopulationRegister port only, built once in the composition root:
 * `createLocalRegister({ db, vault, nisCode })` today, a MAGDA adapter later (docs/register.md).
 * National register numbers are stored encrypted and found by keyed hash (createNationalNumberVault);
 * responses show them masked unless the caller's role needs them (toPersonResponse).
 * The demo seed (seedPopulation) adds about 28,500 synthetic residents, among them the fixed
 * demoResidents that demos and e2e tests log in as.
 */
export { type DemoResidentKey, demoHouseholds, demoResidents } from './demo-residents.data.ts';
export { createLocalRegister } from './local-register.ts';
export { createNationalNumberVault, NationalNumberDecryptionError, type NationalNumberVault } from './national-number.crypto.ts';
export { type SeedPopulationOptions, type SeedPopulationResult, seedPopulation } from './population.seed.ts';
export { createPopulationSeeder } from './population.seeder.ts';
export type { AddressPeriod, HouseholdRecord, PersonRecord, PopulationRegister } from './register.port.ts';
export { type Disclosure, toAddressHistoryResponse, toHouseholdResponse, toPersonResponse } from './register.presenter.ts';
export { registerRoutes } from './register.routes.ts';
