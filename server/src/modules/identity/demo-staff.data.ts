import type { RoleGrant } from '../../../../shared/src/identity/access.ts';

/** A fictitious employee of the demo city or a partner, with what they do. */
export type DemoStaffMember = {
  email: string;
  displayName: string;
  organisation: string;
  roles: RoleGrant[];
  /** One line for the demo login page. */
  description: { nl: string; fr: string; en: string };
};

/**
 * The demo city's staff: one or more people for every role, and an invited account at the police
 * zone and the fire zone. Names are fictitious; the login page of the embedded identity provider
 * lists them.
 */
export const demoStaff = {
  reception: {
    email: 'an.claeys@harelbeke.be',
    displayName: 'An Claeys',
    organisation: 'city',
    roles: [{ role: 'reception', team: 'onthaal' }],
    description: { nl: 'Onthaal in het stadhuis', fr: "Accueil à l'hôtel de ville", en: 'Reception at city hall' },
  },
  contactCentre: {
    email: 'bram.declercq@harelbeke.be',
    displayName: 'Bram Declercq',
    organisation: 'city',
    roles: [{ role: 'contact-centre', team: 'contactcenter' }],
    description: {
      nl: 'Contactcenter: telefoon en algemene vragen',
      fr: 'Centre de contact : téléphone et questions générales',
      en: 'Contact centre: phone and general questions',
    },
  },
  civilAffairs: {
    email: 'chloe.vermeulen@harelbeke.be',
    displayName: 'Chloë Vermeulen',
    organisation: 'city',
    roles: [
      { role: 'counter', team: 'burgerzaken' },
      { role: 'back-office', team: 'burgerzaken' },
    ],
    description: { nl: 'Burgerzaken: loket en backoffice', fr: 'Affaires civiles : guichet et back-office', en: 'Civil affairs: counter and back office' },
  },
  coordinator: {
    email: 'els.desmet@harelbeke.be',
    displayName: 'Els Desmet',
    organisation: 'city',
    roles: [
      { role: 'coordinator', team: 'burgerzaken' },
      { role: 'back-office', team: 'vreemdelingenzaken' },
    ],
    description: { nl: 'Coördinator Burgerzaken', fr: 'Coordinatrice des affaires civiles', en: 'Civil affairs coordinator' },
  },
  planning: {
    email: 'dries.vanhoutte@harelbeke.be',
    displayName: 'Dries Vanhoutte',
    organisation: 'city',
    roles: [
      { role: 'back-office', team: 'omgeving' },
      { role: 'back-office', team: 'evenementen' },
    ],
    description: { nl: 'Omgeving en evenementen', fr: 'Urbanisme et événements', en: 'Planning and events' },
  },
  publicSpace: {
    email: 'kobe.lambrecht@harelbeke.be',
    displayName: 'Kobe Lambrecht',
    organisation: 'city',
    roles: [{ role: 'back-office', team: 'openbaar-domein' }],
    description: { nl: 'Openbaar domein: meldingen', fr: 'Domaine public : signalements', en: 'Public space: reports' },
  },
  welfare: {
    email: 'sofie.maes@harelbeke.be',
    displayName: 'Sofie Maes',
    organisation: 'city',
    roles: [{ role: 'back-office', team: 'welzijn' }],
    description: { nl: 'Sociaal Huis en thuisdienst', fr: 'Maison sociale et service à domicile', en: 'Social services and home service' },
  },
  manager: {
    email: 'filip.desmedt@harelbeke.be',
    displayName: 'Filip De Smedt',
    organisation: 'city',
    roles: [{ role: 'manager' }],
    description: { nl: 'Algemeen directeur: cijfers en opvolging', fr: 'Directeur général : chiffres et suivi', en: 'Chief executive: figures and follow-up' },
  },
  catalogueEditor: {
    email: 'griet.verstraete@harelbeke.be',
    displayName: 'Griet Verstraete',
    organisation: 'city',
    roles: [{ role: 'catalogue-editor', team: 'communicatie' }],
    description: { nl: 'Communicatie: productcatalogus', fr: 'Communication : catalogue des produits', en: 'Communication: product catalogue' },
  },
  admin: {
    email: 'hanne.verhaeghe@harelbeke.be',
    displayName: 'Hanne Verhaeghe',
    organisation: 'city',
    roles: [{ role: 'admin' }],
    description: { nl: 'Beheerder: medewerkers en rechten', fr: 'Administratrice : personnel et droits', en: 'Administrator: staff and access' },
  },
  police: {
    email: 'jan.goethals@politiezone-gavers.example',
    displayName: 'Jan Goethals',
    organisation: 'politiezone-gavers',
    roles: [{ role: 'partner' }],
    description: { nl: 'Wijkagent, Politiezone Gavers', fr: 'Agent de quartier, zone de police Gavers', en: 'Community police officer, Gavers police zone' },
  },
  fire: {
    email: 'lotte.deprez@fluvia.example',
    displayName: 'Lotte Deprez',
    organisation: 'hulpverleningszone-fluvia',
    roles: [{ role: 'partner' }],
    description: { nl: 'Preventie, Hulpverleningszone Fluvia', fr: 'Prévention, zone de secours Fluvia', en: 'Fire prevention, Fluvia fire and rescue zone' },
  },
} satisfies Record<string, DemoStaffMember>;

export type DemoStaffKey = keyof typeof demoStaff;
