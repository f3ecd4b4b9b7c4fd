import { type CertificateKind, certificateKindSchema, type PrintedFacts, type PrintedSection } from '../../../../shared/src/documents/index.ts';
import type { AnswerValue, FormAnswers, GroupItemAnswers } from '../../../../shared/src/forms/index.ts';
import { writtenDate } from '../../../../shared/src/platform/dates.ts';
import { type Language, languageSchema } from '../../../../shared/src/platform/language.ts';
import type { RegisterAddress } from '../../../../shared/src/register/index.ts';
import type { AddressPeriod, HouseholdRecord, PersonRecord } from '../register/index.ts';
import { certificateMessages } from './certificate.messages.ts';

/**
 * What goes on each certificate the city issues on its own (issue 5, item 4), built from the
 * population register and the request's answers. Pure: no register calls, no clock, no PDF; the
 * documents service fetches the data, calls these builders and hands the result to the renderer.
 *
 * A builder throws a CertificateRefusal when the data do not allow an automatic certificate
 * (someone no longer living in the city, a model that needs a police check): a person then
 * handles the case. That is not a fault, so it is never retried.
 */

/** Why a certificate cannot be issued automatically. Each sends the case to a person. */
export type RefusalReason =
  /** The product is not one Gastvrij issues on its own. */
  | 'unsupported-product'
  /** Criminal record models 596.1 and 596.2 need a check by staff and the police. */
  | 'model-needs-check'
  /** A household composition on an earlier date: staff read the history. */
  | 'earlier-date'
  /** A copy of someone else's civil status act: staff check the right to it. */
  | 'not-own-act'
  /** The register knows no current address for the person. */
  | 'no-current-address'
  /** The person is registered in another municipality, which issues the certificate. */
  | 'not-registered-here'
  /** The register knows no household for the person. */
  | 'no-household'
  /** The register knows no such person. */
  | 'unknown-person';

/** A refusal to issue automatically: the case goes to a person, with this reason in the timeline. */
export class CertificateRefusal extends Error {
  override name = 'CertificateRefusal';
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
  }
}

/** The issuing city, as printed in the letterhead and the seal. */
export type CertificateIssuer = { name: string; addressLines: string[]; nisCode: string };

/** The city profile's fields the builders need; `name` per language. */
export type IssuerProfile = {
  name: { nl: string; fr?: string | undefined; en?: string | undefined };
  nisCode: string;
  address: { street: string; number: string; postcode: string; municipality: string };
};

/** The letterhead in the document's language. */
export const issuerOf = (city: IssuerProfile, lang: Language): CertificateIssuer => ({
  name: city.name[lang] ?? city.name.nl,
  addressLines: [`${city.address.street} ${city.address.number}`, `${city.address.postcode} ${city.address.municipality}`],
  nisCode: city.nisCode,
});

/** What a builder returns: the renderer's content besides the issue moment and the verification block. */
export type CertificateContent = {
  kind: CertificateKind;
  lang: Language;
  title: string;
  /** One sentence for the PDF metadata. */
  subject: string;
  /** Everything printed besides title, date and verification: stored for the verification page. */
  printed: PrintedFacts;
};

/** What the builders read: the person the certificate is about, their household and address history, and the answers. */
export type CertificateData = {
  person: PersonRecord | null;
  household: HouseholdRecord | null;
  history: AddressPeriod[];
  answers: FormAnswers;
};

export type CertificateContext = {
  issuer: CertificateIssuer;
  /** The case reference printed under the title. */
  reference: string | null;
  /** The request's language, used when the form does not ask for the document's language. */
  requestLanguage: Language;
};

/** Whether Gastvrij issues this product's certificate itself (for some answers at least). */
export const isCertificateKind = (product: string): product is CertificateKind => (certificateKindSchema.options as readonly string[]).includes(product);

const text = (value: AnswerValue | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Whether a request for this product, with these answers, is completed without a person. The
 * cases module asks this at submission (so a model 596 request goes straight to the team's queue);
 * the documents service asks it again before issuing.
 */
export const automationDecision = (
  product: string,
  answers: FormAnswers,
): { automated: true; kind: CertificateKind } | { automated: false; reason: RefusalReason } => {
  if (!isCertificateKind(product)) return { automated: false, reason: 'unsupported-product' };
  const kind = product;
  if (kind === 'uittreksel-strafregister' && answers.model !== '595') return { automated: false, reason: 'model-needs-check' };
  if (kind === 'attest-gezinssamenstelling' && answers.onEarlierDate === true) return { automated: false, reason: 'earlier-date' };
  if (kind === 'afschrift-akte' && answers.relation !== 'self') return { automated: false, reason: 'not-own-act' };
  return { automated: true, kind };
};

/** The language the resident chose for the document (`documentLanguage`), else the request's. */
export const documentLanguageOf = (answers: FormAnswers, requestLanguage: Language): Language => {
  const chosen = languageSchema.safeParse(answers.documentLanguage);
  return chosen.success ? chosen.data : requestLanguage;
};

/** A calendar date (YYYY-MM-DD) as printed: "12 mei 1985", "12 mai 1985", "12 May 1985". */
export const printedDate = writtenDate;

/** "Vandenberghe, Pieter": family name first, as registers and certificates list people. */
export const printedName = (person: Pick<PersonRecord, 'familyName' | 'givenName'>): string => `${person.familyName}, ${person.givenName}`;

/** "Marktstraat 41 bus 2, 8530 Harelbeke". */
export const printedAddress = (address: Pick<RegisterAddress, 'street' | 'houseNumber' | 'box' | 'postcode' | 'municipality'>, lang: Language): string =>
  `${address.street} ${address.houseNumber}${address.box ? ` ${certificateMessages[lang].box} ${address.box}` : ''}, ${address.postcode} ${address.municipality}`;

const countryName = (code: string, lang: Language): string => {
  try {
    return new Intl.DisplayNames([`${lang}-BE`], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const requirePerson = (data: CertificateData): PersonRecord => {
  if (!data.person) throw new CertificateRefusal('unknown-person');
  return data.person;
};

/** The current address period, which must be in the issuing city. */
const currentPeriodHere = (data: CertificateData, issuer: CertificateIssuer): AddressPeriod => {
  const current = data.history.find((period) => period.validTo === null);
  if (!current) throw new CertificateRefusal('no-current-address');
  if (current.address.nisCode !== issuer.nisCode) throw new CertificateRefusal('not-registered-here', current.address.municipality);
  return current;
};

const printed = (context: CertificateContext, sections: PrintedSection[]): PrintedFacts => ({
  issuer: { name: context.issuer.name, addressLines: context.issuer.addressLines },
  reference: context.reference,
  sections,
});

const purposeOf = (answers: FormAnswers, lang: Language): string | undefined => {
  const purpose = text(answers.purpose);
  if (purpose === 'other') return text(answers.purposeOther);
  return purpose ? (certificateMessages[lang].household.purposes[purpose] ?? purpose) : undefined;
};

/** Attest van gezinssamenstelling: the address and everyone registered there with the person, reference person first. */
export const householdCertificate = (context: CertificateContext, data: CertificateData): CertificateContent => {
  const lang = documentLanguageOf(data.answers, context.requestLanguage);
  const t = certificateMessages[lang];
  requirePerson(data);
  const current = currentPeriodHere(data, context.issuer);
  const household = data.household;
  if (!household) throw new CertificateRefusal('no-household');
  const members = household.members.filter((member) => member.dateOfDeath === null);
  const purpose = purposeOf(data.answers, lang);
  return {
    kind: 'attest-gezinssamenstelling',
    lang,
    title: t.household.title,
    subject: t.household.subject,
    printed: printed(context, [
      { paragraphs: [t.household.intro(context.issuer.name)] },
      {
        heading: t.household.addressHeading,
        facts: [
          { label: t.labels.address, value: printedAddress(household.address, lang) },
          { label: t.labels.since, value: printedDate(current.validFrom, lang) },
          ...(purpose ? [{ label: t.labels.purpose, value: purpose }] : []),
        ],
      },
      {
        heading: t.household.membersHeading,
        table: {
          columns: [t.labels.name, t.labels.birthDate, t.labels.relation],
          rows: members.map((member) => [printedName(member), printedDate(member.birthDate, lang), t.relations[member.householdRole ?? 'other']]),
        },
      },
      { paragraphs: [t.electronic] },
    ]),
  };
};

/** Attest van woonst: the person, their current address and since when; with history, the earlier addresses from the chosen date. */
export const residenceCertificate = (context: CertificateContext, data: CertificateData): CertificateContent => {
  const lang = documentLanguageOf(data.answers, context.requestLanguage);
  const t = certificateMessages[lang];
  const person = requirePerson(data);
  const current = currentPeriodHere(data, context.issuer);
  const purpose = text(data.answers.purpose);
  const historyFrom = data.answers.withHistory === true ? text(data.answers.historyFrom) : undefined;
  const earlier = historyFrom
    ? data.history.filter((period) => period.validTo !== null && period.validTo > historyFrom).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))
    : [];
  return {
    kind: 'attest-woonst',
    lang,
    title: t.residence.title,
    subject: t.residence.subject,
    printed: printed(context, [
      { paragraphs: [t.residence.intro(context.issuer.name)] },
      {
        heading: t.residence.personHeading,
        facts: [
          { label: t.labels.name, value: printedName(person) },
          { label: t.labels.birthDate, value: printedDate(person.birthDate, lang) },
          { label: t.labels.address, value: printedAddress(current.address, lang) },
          { label: t.labels.since, value: printedDate(current.validFrom, lang) },
          ...(purpose ? [{ label: t.labels.purpose, value: purpose }] : []),
        ],
      },
      ...(historyFrom
        ? [
            {
              heading: t.residence.historyHeading,
              paragraphs: [t.residence.historyIntro(printedDate(historyFrom, lang))],
              table: {
                columns: [t.labels.address, t.labels.from, t.labels.until],
                rows: earlier.map((period) => [
                  printedAddress(period.address, lang),
                  printedDate(period.validFrom, lang),
                  // validTo is exclusive: the last day at the address is the day before.
                  printedDate(dayBefore(period.validTo as string), lang),
                ]),
              },
            },
          ]
        : []),
      { paragraphs: [t.electronic] },
    ]),
  };
};

/**
 * Uittreksel uit het strafregister, model 595 (article 595 of the Code of Criminal Procedure).
 *
 * DEMO CONTENT. Gastvrij's synthetic register holds no criminal records, so the extract always says
 * "no convictions" and carries a printed note that it is demonstration data. In production the
 * contents come from the federal Central Criminal Register (Centraal Strafregister, FPS Justice),
 * which municipalities consult through the service the FPS provides; a source for it would be a
 * port like the population register's, and this builder would print what it returns.
 */
export const criminalRecordExtract = (context: CertificateContext, data: CertificateData): CertificateContent => {
  const lang = documentLanguageOf(data.answers, context.requestLanguage);
  const t = certificateMessages[lang];
  if (data.answers.model !== '595') throw new CertificateRefusal('model-needs-check');
  const person = requirePerson(data);
  const current = currentPeriodHere(data, context.issuer);
  return {
    kind: 'uittreksel-strafregister',
    lang,
    title: t.criminalRecord.title,
    subject: t.criminalRecord.subject,
    printed: printed(context, [
      { paragraphs: [t.criminalRecord.intro] },
      {
        heading: t.criminalRecord.personHeading,
        facts: [
          { label: t.labels.name, value: printedName(person) },
          { label: t.labels.birthDate, value: printedDate(person.birthDate, lang) },
          { label: t.labels.nationality, value: countryName(person.nationality, lang) },
          { label: t.labels.address, value: printedAddress(current.address, lang) },
          { label: t.labels.model, value: t.criminalRecord.modelValue },
        ],
      },
      { heading: t.criminalRecord.convictionsHeading, paragraphs: [t.criminalRecord.none] },
      { heading: t.demoHeading, paragraphs: [t.criminalRecord.demo] },
      { paragraphs: [t.electronic] },
    ]),
  };
};

type ActPerson = { familyName: string; givenNames: string; birthDate?: string };

const actPersonsOf = (answers: FormAnswers): ActPerson[] => {
  const persons = Array.isArray(answers.persons) ? answers.persons : [];
  return persons.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [];
    const item = entry as GroupItemAnswers;
    const familyName = text(item.familyName);
    const givenNames = text(item.givenNames);
    if (!familyName || !givenNames) return [];
    const birthDate = text(item.birthDate);
    return [{ familyName, givenNames, ...(birthDate ? { birthDate } : {}) }];
  });
};

/**
 * Afschrift of uittreksel van een akte van de burgerlijke stand, for the resident's own act.
 *
 * DEMO CONTENT: the act is drawn up from the request's answers (the kind of act, its date, the
 * people in it) with a printed note saying so. In production the act comes from the Belgian
 * database of civil status records (DABS), and this builder would print what it holds.
 */
export const civilStatusActCopy = (context: CertificateContext, data: CertificateData): CertificateContent => {
  const lang = documentLanguageOf(data.answers, context.requestLanguage);
  const t = certificateMessages[lang];
  if (data.answers.relation !== 'self') throw new CertificateRefusal('not-own-act');
  const actType = text(data.answers.actType) ?? 'birth';
  const act = t.act.acts[actType] ?? actType;
  const copyKind = data.answers.copyKind === 'copy' ? 'copy' : 'extract';
  const eventDate = text(data.answers.actDate);
  const persons = actPersonsOf(data.answers);
  return {
    kind: 'afschrift-akte',
    lang,
    title: t.act.title(copyKind, act),
    subject: t.act.subject,
    printed: printed(context, [
      { paragraphs: [t.act.intro(context.issuer.name)] },
      {
        heading: t.act.actHeading,
        facts: [
          { label: t.labels.actType, value: act.charAt(0).toUpperCase() + act.slice(1) },
          ...(eventDate ? [{ label: t.labels.eventDate, value: printedDate(eventDate, lang) }] : []),
        ],
      },
      {
        heading: t.act.personsHeading,
        table: {
          columns: [t.labels.familyName, t.labels.givenNames, t.labels.birthDate],
          rows: persons.map((person) => [person.familyName, person.givenNames, person.birthDate ? printedDate(person.birthDate, lang) : '–']),
        },
      },
      { heading: t.demoHeading, paragraphs: [t.act.demo] },
      { paragraphs: [t.electronic] },
    ]),
  };
};

const builders: Record<CertificateKind, (context: CertificateContext, data: CertificateData) => CertificateContent> = {
  'attest-gezinssamenstelling': householdCertificate,
  'attest-woonst': residenceCertificate,
  'uittreksel-strafregister': criminalRecordExtract,
  'afschrift-akte': civilStatusActCopy,
};

/** Builds the content of a certificate of this kind. Throws CertificateRefusal when it cannot be issued automatically. */
export const buildCertificate = (kind: CertificateKind, context: CertificateContext, data: CertificateData): CertificateContent =>
  builders[kind](context, data);

/** The download name: kind and case reference (or code), nothing personal. */
export const certificateFileName = (kind: string, referenceOrCode: string): string =>
  `${kind}-${referenceOrCode}.pdf`.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');

const dayBefore = (iso: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};
