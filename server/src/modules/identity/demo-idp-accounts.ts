import type { Language } from '../../../../shared/src/platform/language.ts';
import type { Db } from '../../platform/db/database.ts';
import { type DemoResidentKey, demoResidents, type PopulationRegister } from '../register/index.ts';
import { demoStaff } from './demo-staff.data.ts';
import type { EmbeddedIdpAccount, EmbeddedIdpAccounts } from './embedded-idp/index.ts';
import { createIdentityRepository } from './identity.repository.ts';

/** What the demo login page says about each adult demo resident (children do not log in themselves). */
const residentDescriptions: Partial<Record<DemoResidentKey, Record<Language, string>>> = {
  pieterVandenberghe: {
    nl: 'Gezin met twee kinderen, Marktstraat, Harelbeke',
    fr: 'Famille avec deux enfants, Marktstraat, Harelbeke',
    en: 'Family with two children, Marktstraat, Harelbeke',
  },
  lienDesmet: {
    nl: 'Partner van Pieter, Marktstraat, Harelbeke',
    fr: 'Partenaire de Pieter, Marktstraat, Harelbeke',
    en: "Pieter's partner, Marktstraat, Harelbeke",
  },
  mariaVerhaeghe: {
    nl: 'Weduwe, woont alleen in Hulste, kan moeilijk naar het stadhuis komen',
    fr: "Veuve, vit seule à Hulste, se déplace difficilement jusqu'à l'hôtel de ville",
    en: 'Widow living alone in Hulste, finds it hard to come to city hall',
  },
  jensVanhoutte: {
    nl: 'Jonge vader in Bavikhove, verhuisd uit Kortrijk in 2024',
    fr: 'Jeune père à Bavikhove, venu de Courtrai en 2024',
    en: 'Young father in Bavikhove, moved from Kortrijk in 2024',
  },
  febeDeclercq: {
    nl: 'Jonge moeder in Bavikhove, baby geboren in augustus 2026',
    fr: 'Jeune mère à Bavikhove, bébé né en août 2026',
    en: 'Young mother in Bavikhove, baby born in August 2026',
  },
  andreiPopescu: {
    nl: 'Nieuwkomer uit Roemenië met een bisnummer, spreekt liever Engels',
    fr: 'Nouvel arrivant de Roumanie avec un numéro bis, préfère l’anglais',
    en: 'Newcomer from Romania with a BIS number, prefers English',
  },
};

const residentSub = (personId: string) => `resident-${personId}`;
const staffSub = (email: string) => `staff-${email.toLowerCase()}`;

/**
 * The people on the embedded identity provider's login page: the adult demo residents (with their
 * national register number in claim `rrn`, as ACM/IDM sends it) and every active member of the
 * staff directory (e-mail and name; roles come from the directory).
 */
export const demoIdpAccounts = ({ db, register }: { db: Db; register: PopulationRegister }): EmbeddedIdpAccounts => {
  const residentAccount = async (key: DemoResidentKey): Promise<EmbeddedIdpAccount | null> => {
    const description = residentDescriptions[key];
    const person = description ? await register.getPerson(demoResidents[key].id) : null;
    if (!description || !person) return null;
    return {
      sub: residentSub(person.id),
      audience: 'resident',
      label: { name: `${person.givenName} ${person.familyName}`, description },
      claims: { rrn: person.nationalNumber, given_name: person.givenName, family_name: person.familyName, locale: person.preferredLanguage },
    };
  };
  const staffAccounts = async (): Promise<EmbeddedIdpAccount[]> => {
    const members = await createIdentityRepository(db).listStaff();
    const known = new Map(Object.values(demoStaff).map((m) => [m.email, m.description]));
    return members
      .filter((m) => m.active)
      .map((m) => {
        const roles = m.roles.map((r) => (r.team ? `${r.role} (${r.team})` : r.role)).join(', ');
        return {
          sub: staffSub(m.email),
          audience: 'staff' as const,
          label: { name: m.displayName, description: known.get(m.email) ?? { nl: roles, fr: roles, en: roles } },
          claims: { email: m.email.toLowerCase(), name: m.displayName },
        };
      });
  };
  return {
    list: async (audience) => {
      if (audience === 'staff') return staffAccounts();
      const accounts = await Promise.all((Object.keys(residentDescriptions) as DemoResidentKey[]).map(residentAccount));
      return accounts.filter((a): a is EmbeddedIdpAccount => a !== null);
    },
    find: async (sub) => {
      if (sub.startsWith('resident-')) {
        const key = (Object.keys(demoResidents) as DemoResidentKey[]).find((k) => residentSub(demoResidents[k].id) === sub);
        return key ? residentAccount(key) : null;
      }
      if (sub.startsWith('staff-')) return (await staffAccounts()).find((a) => a.sub === sub) ?? null;
      return null;
    },
  };
};
