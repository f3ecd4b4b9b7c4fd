import { z } from 'zod';
import type { LocalizedText } from './localized-text.schema.ts';

/**
 * The IPDC-LPDC code lists for type, theme and target audience
 * (shared/standards/ipdc-lpdc/codelijst-*.ttl). Products store the concept's local id; the IRI is
 * derived here so an export to the Flemish product catalogue (or CPSV-AP) needs no second mapping.
 * Dutch and English labels are the code lists' own prefLabels; the code lists have no French, so the
 * French labels are ours. ipdc-codes.test.ts checks ids, IRIs and labels against the TTL files.
 */
const conceptBase = 'https://productencatalogus.data.vlaanderen.be/id/concept/';

type IpdcConcept = { iri: string; label: LocalizedText };

export const ipdcTypeSchema = z.enum([
  'FinancieleVerplichting',
  'Toelating',
  'Bewijs',
  'Voorwerp',
  'AdviesBegeleiding',
  'InfrastructuurMateriaal',
  'FinancieelVoordeel',
]);
export type IpdcType = z.infer<typeof ipdcTypeSchema>;

export const ipdcThemeSchema = z.enum([
  'BurgerOverheid',
  'CultuurSportVrijeTijd',
  'EconomieWerk',
  'MilieuEnergie',
  'MobiliteitOpenbareWerken',
  'OnderwijsWetenschap',
  'WelzijnGezondheid',
  'BouwenWonen',
]);
export type IpdcTheme = z.infer<typeof ipdcThemeSchema>;

export const ipdcTargetAudienceSchema = z.enum(['Burger', 'Onderneming', 'Organisatie', 'VlaamseOverheid', 'LokaalBestuur', 'Vereniging']);
export type IpdcTargetAudience = z.infer<typeof ipdcTargetAudienceSchema>;

const concept = (scheme: 'Type' | 'Thema' | 'Doelgroep', id: string, label: LocalizedText): IpdcConcept => ({
  iri: `${conceptBase}${scheme}/${id}`,
  label,
});

/** Type of a public service (IPDC concept scheme `Type`). */
export const ipdcTypes: Record<IpdcType, IpdcConcept> = {
  FinancieleVerplichting: concept('Type', 'FinancieleVerplichting', {
    nl: 'Financiële verplichting',
    fr: 'Obligation financière',
    en: 'Financial Obligation',
  }),
  Toelating: concept('Type', 'Toelating', { nl: 'Toelating', fr: 'Autorisation', en: 'Admission' }),
  Bewijs: concept('Type', 'Bewijs', { nl: 'Bewijs', fr: 'Preuve', en: 'Evidence' }),
  Voorwerp: concept('Type', 'Voorwerp', { nl: 'Voorwerp', fr: 'Objet', en: 'Object' }),
  AdviesBegeleiding: concept('Type', 'AdviesBegeleiding', {
    nl: 'Advies en begeleiding',
    fr: 'Conseil et accompagnement',
    en: 'Advice and Guidance',
  }),
  InfrastructuurMateriaal: concept('Type', 'InfrastructuurMateriaal', {
    nl: 'Infrastructuur en materiaal',
    fr: 'Infrastructure et matériel',
    en: 'Infrastructure and Material',
  }),
  FinancieelVoordeel: concept('Type', 'FinancieelVoordeel', {
    nl: 'Financieel voordeel',
    fr: 'Avantage financier',
    en: 'Financial Advantage',
  }),
};

/** Theme of a public service (IPDC concept scheme `Thema`). */
export const ipdcThemes: Record<IpdcTheme, IpdcConcept> = {
  BurgerOverheid: concept('Thema', 'BurgerOverheid', {
    nl: 'Burger en Overheid',
    fr: 'Citoyen et autorités',
    en: 'Citizen and Government',
  }),
  CultuurSportVrijeTijd: concept('Thema', 'CultuurSportVrijeTijd', {
    nl: 'Cultuur, Sport en Vrije Tijd',
    fr: 'Culture, sport et loisirs',
    en: 'Culture, Sport and Leisure',
  }),
  EconomieWerk: concept('Thema', 'EconomieWerk', { nl: 'Economie en Werk', fr: 'Économie et travail', en: 'Economy and Work' }),
  MilieuEnergie: concept('Thema', 'MilieuEnergie', {
    nl: 'Milieu en Energie',
    fr: 'Environnement et énergie',
    en: 'Environment and Energy',
  }),
  MobiliteitOpenbareWerken: concept('Thema', 'MobiliteitOpenbareWerken', {
    nl: 'Mobiliteit en Openbare Werken',
    fr: 'Mobilité et travaux publics',
    en: 'Mobility and Public Works',
  }),
  OnderwijsWetenschap: concept('Thema', 'OnderwijsWetenschap', {
    nl: 'Onderwijs en Wetenschap',
    fr: 'Enseignement et science',
    en: 'Education and Science',
  }),
  WelzijnGezondheid: concept('Thema', 'WelzijnGezondheid', {
    nl: 'Welzijn en Gezondheid',
    fr: 'Bien-être et santé',
    en: 'Well-being and Health',
  }),
  BouwenWonen: concept('Thema', 'BouwenWonen', { nl: 'Bouwen en Wonen', fr: 'Construire et habiter', en: 'Building and Living' }),
};

/** Target audience of a public service (IPDC concept scheme `Doelgroep`). */
export const ipdcTargetAudiences: Record<IpdcTargetAudience, IpdcConcept> = {
  Burger: concept('Doelgroep', 'Burger', { nl: 'Burger', fr: 'Citoyen', en: 'Citizen' }),
  Onderneming: concept('Doelgroep', 'Onderneming', { nl: 'Onderneming', fr: 'Entreprise', en: 'Company' }),
  Organisatie: concept('Doelgroep', 'Organisatie', {
    nl: 'Andere organisatie',
    fr: 'Autre organisation',
    en: 'Other organisation',
  }),
  VlaamseOverheid: concept('Doelgroep', 'VlaamseOverheid', {
    nl: 'Vlaamse overheid',
    fr: 'Autorités flamandes',
    en: 'Flemish government',
  }),
  LokaalBestuur: concept('Doelgroep', 'LokaalBestuur', {
    nl: 'Lokaal bestuur',
    fr: 'Administration locale',
    en: 'Local administration',
  }),
  Vereniging: concept('Doelgroep', 'Vereniging', { nl: 'Vereniging', fr: 'Association', en: 'Association' }),
};
