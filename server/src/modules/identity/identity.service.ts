import type { CityProfile } from '../../../../shared/src/city/city-profile.schema.ts';
import { type Actor, hasPermission } from '../../../../shared/src/identity/access.ts';
import type { DataAccessResponse, Preferences, ProfileResponse, StaffMemberInput, StaffMemberView } from '../../../../shared/src/identity/identity.contract.ts';
import type { AuditLog } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/problem.ts';
import { type PopulationRegister, toAddressHistoryResponse, toHouseholdResponse, toPersonResponse } from '../register/index.ts';
import { identityError } from './identity.errors.ts';
import { createIdentityRepository, type ResidentAccount, type StaffMember } from './identity.repository.ts';
import { checkStaffRoles } from './staff-directory.rules.ts';

const toStaffView = (member: StaffMember): StaffMemberView => ({
  id: member.id,
  email: member.email,
  displayName: member.displayName,
  organisation: member.organisation,
  active: member.active,
  preferredLanguage: member.preferredLanguage,
  roles: member.roles,
  hasLoggedIn: member.oidcSubject !== null,
});

const residentOf = (actor: Actor) => {
  if (actor.kind !== 'resident') throw identityError('assurance-too-low');
  return actor;
};

/** "Mijn gegevens", who-saw-my-data and the staff directory. */
export const createIdentityService = ({ db, register, audit, city }: { db: Db; register: PopulationRegister; audit: AuditLog; city: CityProfile }) => {
  const profileOf = async (actor: Extract<Actor, { kind: 'resident' }>, account: ResidentAccount): Promise<ProfileResponse> => {
    const preferences = {
      preferredLanguage: account.preferredLanguage,
      contactChannels: account.contactChannels,
      email: account.email,
      phone: account.phone,
    };
    // Register data only after an eID/itsme login: an e-mail address proves nothing about who someone is.
    if (!actor.personId || !hasPermission(actor, 'self:read-register')) return { person: null, household: null, addressHistory: [], preferences };
    const file = await register.getPersonFile(actor.personId);
    const person = file?.person ?? null;
    const household = file?.household ?? null;
    const history = file?.history ?? [];
    // Residents see their own number in full; household members' numbers stay masked.
    return {
      person: person ? toPersonResponse(person, { revealNationalNumber: true }) : null,
      household: household ? toHouseholdResponse(household, { revealNationalNumber: false }) : null,
      addressHistory: toAddressHistoryResponse(history),
      preferences,
    };
  };

  const accountOf = async (actor: Extract<Actor, { kind: 'resident' }>) => {
    const account = await createIdentityRepository(db).findResidentAccount({ id: actor.accountId });
    if (!account) throw identityError('assurance-too-low');
    return account;
  };

  return {
    async profile(actor: Actor): Promise<ProfileResponse> {
      const resident = residentOf(actor);
      return profileOf(resident, await accountOf(resident));
    },

    async updatePreferences(actor: Actor, preferences: Preferences, requestId: string): Promise<ProfileResponse> {
      const resident = residentOf(actor);
      const account = await db.transaction().execute(async (trx) => {
        const updated = await createIdentityRepository(trx).updateResidentPreferences(resident.accountId, preferences);
        await audit.record(trx, actor, {
          action: 'identity.preferences.update',
          subjectPersonId: resident.personId,
          resourceType: 'resident-account',
          resourceId: resident.accountId,
          requestId,
        });
        return updated;
      });
      return profileOf(resident, account);
    },

    async dataAccess(actor: Actor): Promise<DataAccessResponse> {
      const resident = residentOf(actor);
      const showNames = city.privacy.showEmployeeNamesToResidents;
      if (!resident.personId) return { items: [], employeeNamesShown: showNames };
      const rows = await audit.accessesTo(db, resident.personId);
      const organisationName = (id: string | null) =>
        id === null || id === 'city' ? city.name : (city.partners.find((p) => p.id === id)?.name ?? { nl: id, fr: id, en: id });
      return {
        employeeNamesShown: showNames,
        items: rows.map((row) => {
          const team = row.team ? city.teams.find((t) => t.id === row.team) : undefined;
          return {
            at: row.at.toISOString(),
            organisation: { id: row.organisation ?? 'city', name: { ...organisationName(row.organisation) } as { nl: string; fr: string; en: string } },
            team: team ? { id: team.id, name: team.name as { nl: string; fr: string; en: string } } : null,
            action: row.action,
            purpose: row.purpose,
            employee: showNames ? row.actor_name : null,
          };
        }),
      };
    },

    async listStaff(): Promise<StaffMemberView[]> {
      return (await createIdentityRepository(db).listStaff()).map(toStaffView);
    },

    /** Adds (id null) or changes a staff member, with field errors for roles that do not fit the city profile. */
    async saveStaff(actor: Actor, input: StaffMemberInput, id: string | null, requestId: string): Promise<StaffMemberView> {
      const problems = checkStaffRoles(city, input.organisation, input.roles);
      if (problems.length > 0) throw new AppError('validation-failed', { fields: problems });
      return db.transaction().execute(async (trx) => {
        const repository = createIdentityRepository(trx);
        const sameEmail = await repository.findStaff({ email: input.email });
        if (sameEmail && sameEmail.id !== id)
          throw identityError('staff-email-taken', {
            fields: [
              {
                field: 'email',
                code: 'staff-email-taken',
                message: {
                  nl: 'Er is al een medewerker met dit e-mailadres.',
                  fr: 'Un membre du personnel utilise déjà cette adresse e-mail.',
                  en: 'A staff member with this e-mail address already exists.',
                },
              },
            ],
          });
        if (id && !(await repository.findStaff({ id }))) throw identityError('staff-not-found');
        const savedId = await repository.upsertStaff(
          {
            email: input.email,
            displayName: input.displayName,
            organisation: input.organisation,
            active: input.active,
            preferredLanguage: input.preferredLanguage,
          },
          id ?? undefined,
        );
        if (!savedId) throw identityError('staff-email-taken');
        await repository.replaceStaffRoles(savedId, input.roles);
        await audit.record(trx, actor, {
          action: id ? 'identity.staff.update' : 'identity.staff.create',
          resourceType: 'staff-member',
          resourceId: savedId,
          requestId,
          details: { roles: input.roles, active: input.active, organisation: input.organisation },
          team: null,
        });
        const saved = await repository.findStaff({ id: savedId });
        if (!saved) throw identityError('staff-not-found');
        return toStaffView(saved);
      });
    },
  };
};

export type IdentityService = ReturnType<typeof createIdentityService>;
