import type { Seeder } from '../../platform/seed/seed.ts';
import { demoStaff } from './demo-staff.data.ts';
import { createIdentityRepository } from './identity.repository.ts';

/**
 * The demo staff directory. Idempotent: a member already there (by e-mail) keeps what an admin
 * changed; only missing members are added. Partners must exist in the city profile.
 */
export const demoStaffSeeder: Seeder = {
  name: 'identity-staff',
  run: async ({ db, city }) => {
    const partners = new Set(city.partners.map((p) => p.id));
    const teams = new Set(city.teams.map((t) => t.id));
    let added = 0;
    await db.transaction().execute(async (trx) => {
      const repository = createIdentityRepository(trx);
      for (const member of Object.values(demoStaff)) {
        if (member.organisation !== 'city' && !partners.has(member.organisation)) continue;
        const roles = member.roles.filter((grant) => !('team' in grant) || teams.has(grant.team as string));
        const id = await repository.upsertStaff({
          email: member.email,
          displayName: member.displayName,
          organisation: member.organisation,
          active: true,
          preferredLanguage: 'nl',
        });
        if (!id) continue;
        await repository.replaceStaffRoles(id, roles);
        added++;
      }
    });
    return added === 0 ? 'already there' : `${added} staff members`;
  },
};
