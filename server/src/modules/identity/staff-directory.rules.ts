import type { CityProfile } from '../../../../shared/src/city/city-profile.schema.ts';
import { type RoleGrant, teamBoundRoles } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';

export type FieldProblem = { field: string; code: string; message: Record<Language, string> };

/**
 * Whether a staff member's organisation and roles fit the city profile: teams must exist,
 * back-office and coordinator need a team, partner accounts hold only the partner role and belong
 * to a partner organisation of the profile, and city staff never hold the partner role.
 */
export const checkStaffRoles = (city: Pick<CityProfile, 'teams' | 'partners'>, organisation: string, roles: RoleGrant[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const teams = new Set(city.teams.map((t) => t.id));
  const partners = new Set(city.partners.map((p) => p.id));
  if (organisation !== 'city' && !partners.has(organisation)) {
    problems.push({
      field: 'organisation',
      code: 'organisation-unknown',
      message: {
        nl: 'Kies de stad of een partnerorganisatie uit de lijst.',
        fr: 'Choisissez la ville ou une organisation partenaire de la liste.',
        en: 'Choose the city or a partner organisation from the list.',
      },
    });
  }
  roles.forEach((grant, index) => {
    if (grant.team !== undefined && !teams.has(grant.team)) {
      problems.push({
        field: `roles.${index}.team`,
        code: 'team-unknown',
        message: { nl: 'Deze dienst bestaat niet.', fr: "Ce service n'existe pas.", en: 'This team does not exist.' },
      });
    }
    if (teamBoundRoles.includes(grant.role) && grant.team === undefined) {
      problems.push({
        field: `roles.${index}.team`,
        code: 'team-required',
        message: {
          nl: 'Kies voor welke dienst deze rol geldt.',
          fr: 'Choisissez le service pour lequel ce rôle vaut.',
          en: 'Choose the team this role is for.',
        },
      });
    }
    const partnerOrganisation = organisation !== 'city';
    if ((grant.role === 'partner') !== partnerOrganisation) {
      problems.push({
        field: `roles.${index}.role`,
        code: partnerOrganisation ? 'partner-role-only' : 'partner-role-for-partners',
        message: partnerOrganisation
          ? {
              nl: 'Een account van een partnerorganisatie heeft alleen de rol partner.',
              fr: "Un compte d'une organisation partenaire n'a que le rôle partenaire.",
              en: 'An account of a partner organisation only has the partner role.',
            }
          : {
              nl: 'De rol partner is voor medewerkers van een partnerorganisatie.',
              fr: 'Le rôle partenaire est réservé au personnel des organisations partenaires.',
              en: 'The partner role is for staff of partner organisations.',
            },
      });
    }
  });
  return problems;
};
