import type { RoleGrant } from '../../shared/src/identity/access.ts';
import { createIdentityRepository, insertSession } from '../src/modules/identity/index.ts';
import { createNationalNumberVault, demoResidents, seedPopulation } from '../src/modules/register/index.ts';
import type { TestApp } from './test-app.ts';

/** What a test sends to act as someone: the session cookie and the CSRF header. */
export type TestLogin = { headers: { cookie: string; 'x-csrf-token': string }; id: string };

let counter = 0;

/**
 * A staff member with these roles, logged in (a session stored directly, as a successful OpenID
 * Connect login would leave it). For tests of what happens after login; the login itself is
 * tested against a real identity provider in identity.int.test.ts.
 */
export const loginAsStaff = async (t: TestApp, roles: RoleGrant[], organisation = 'city', name = 'Test Medewerker', at = new Date()): Promise<TestLogin> => {
  const repository = createIdentityRepository(t.db);
  counter++;
  const id = await repository.upsertStaff({
    email: `staff${counter}-${Date.now()}@test.example`,
    displayName: name,
    organisation,
    active: true,
    preferredLanguage: 'nl',
  });
  if (!id) throw new Error('could not create the test staff member');
  await repository.replaceStaffRoles(id, roles);
  const { token, csrfToken } = await insertSession(t.db, at, {
    kind: 'staff',
    surface: 'werk',
    staffId: id,
    assurance: 'high',
    idp: null,
    idToken: null,
  });
  return { headers: { cookie: `gv_session=${token}`, 'x-csrf-token': csrfToken }, id };
};

/** The demo population (small), so demo residents exist in the register; idempotent per database. */
export const seedDemoPopulation = async (t: TestApp) => {
  await seedPopulation(t.db, createNationalNumberVault(t.config.secretKey), { seed: 7, persons: 300, households: 130, referenceDate: '2026-11-25' });
};

/** A resident logged in: with eID (high, tied to a register person) or with an e-mail link (low). */
export const loginAsResident = async (
  t: TestApp,
  options: { personId?: string; email?: string; assurance?: 'low' | 'high' /** When the login happened (a test's fixed clock). */; at?: Date } = {
    personId: demoResidents.pieterVandenberghe.id,
  },
): Promise<TestLogin> => {
  const repository = createIdentityRepository(t.db);
  const personId = options.personId ?? null;
  const account =
    (personId
      ? await repository.findResidentAccount({ personId })
      : await repository.findResidentAccount({ email: options.email ?? 'bewoner@test.example' })) ??
    (await repository.insertResidentAccount({
      registerPersonId: personId,
      email: personId ? null : (options.email ?? 'bewoner@test.example'),
      preferredLanguage: 'nl',
    }));
  const assurance = options.assurance ?? (personId ? 'high' : 'low');
  const { token, csrfToken } = await insertSession(t.db, options.at ?? new Date(), {
    kind: 'resident',
    surface: 'portal',
    residentAccountId: account.id,
    assurance,
    idp: null,
    idToken: null,
  });
  return { headers: { cookie: `gv_session=${token}`, 'x-csrf-token': csrfToken }, id: account.id };
};
