import type { NationalNumberError } from '../identity/index.ts';
import { nationalNumberErrorMessage } from '../identity/index.ts';
import type { Language } from '../platform/language.ts';

/**
 * Field error codes of the form engine and their messages in plain language (Dutch B1 with "u",
 * French and English beside it). The code is stable (the API returns it); the message is for people.
 */

export const formErrorCodes = [
  'required',
  'choose-one',
  'file-required',
  'consent-required',
  'wrong-type',
  'too-short',
  'too-long',
  'not-a-number',
  'not-whole-number',
  'too-small',
  'too-large',
  'invalid-date',
  'date-too-early',
  'date-too-late',
  'not-an-option',
  'too-few-choices',
  'too-many-choices',
  'invalid-email',
  'invalid-phone',
  'invalid-postcode',
  'postcode-not-allowed',
  'file-too-large',
  'file-type-not-allowed',
  'too-many-files',
  'file-not-uploaded',
  'file-content-mismatch',
  'file-unreadable',
  'file-upload-unknown',
  'too-few-items',
  'too-many-items',
  'national-number-empty',
  'national-number-wrong-length',
  'national-number-not-digits',
  'national-number-bad-checksum',
  'national-number-impossible-date',
  'national-number-bad-sequence',
] as const;
export type FormErrorCode = (typeof formErrorCodes)[number];

/** Values a message fills in: a number bound, a formatted date, a list of postcodes or file types. */
export type FormErrorParams = { min?: number; max?: number; date?: string; list?: string; typed?: number };

type Messages = Record<Exclude<FormErrorCode, `national-number-${string}`>, Record<Language, (p: FormErrorParams) => string>>;

const messages: Messages = {
  required: { nl: () => 'Vul dit in.', fr: () => 'Veuillez remplir ce champ.', en: () => 'Fill this in.' },
  'choose-one': { nl: () => 'Kies een antwoord.', fr: () => 'Choisissez une réponse.', en: () => 'Choose an answer.' },
  'file-required': { nl: () => 'Voeg een bestand toe.', fr: () => 'Ajoutez un fichier.', en: () => 'Add a file.' },
  'consent-required': {
    nl: () => 'Vink dit aan om verder te gaan.',
    fr: () => 'Cochez cette case pour continuer.',
    en: () => 'Tick this box to continue.',
  },
  'wrong-type': {
    nl: () => 'Dit antwoord kunnen we niet lezen. Vul het opnieuw in.',
    fr: () => 'Nous ne pouvons pas lire cette réponse. Remplissez-la à nouveau.',
    en: () => 'We cannot read this answer. Please fill it in again.',
  },
  'too-short': {
    nl: (p) => `Gebruik minstens ${p.min} tekens.`,
    fr: (p) => `Utilisez au moins ${p.min} caractères.`,
    en: (p) => `Use at least ${p.min} characters.`,
  },
  'too-long': {
    nl: (p) => `Gebruik hoogstens ${p.max} tekens. U typte er ${p.typed}.`,
    fr: (p) => `Utilisez au maximum ${p.max} caractères. Vous en avez tapé ${p.typed}.`,
    en: (p) => `Use at most ${p.max} characters. You typed ${p.typed}.`,
  },
  'not-a-number': { nl: () => 'Vul een getal in.', fr: () => 'Indiquez un nombre.', en: () => 'Enter a number.' },
  'not-whole-number': {
    nl: () => 'Vul een geheel getal in, zonder komma.',
    fr: () => 'Indiquez un nombre entier, sans virgule.',
    en: () => 'Enter a whole number, without decimals.',
  },
  'too-small': {
    nl: (p) => `Vul een getal in van minstens ${p.min}.`,
    fr: (p) => `Indiquez un nombre d'au moins ${p.min}.`,
    en: (p) => `Enter a number of at least ${p.min}.`,
  },
  'too-large': {
    nl: (p) => `Vul een getal in van hoogstens ${p.max}.`,
    fr: (p) => `Indiquez un nombre de ${p.max} au maximum.`,
    en: (p) => `Enter a number of at most ${p.max}.`,
  },
  'invalid-date': {
    nl: () => 'Vul een bestaande datum in: dag, maand en jaar.',
    fr: () => 'Indiquez une date qui existe : jour, mois et année.',
    en: () => 'Enter a real date: day, month and year.',
  },
  'date-too-early': {
    nl: (p) => `Kies een datum vanaf ${p.date}.`,
    fr: (p) => `Choisissez une date à partir du ${p.date}.`,
    en: (p) => `Choose a date on or after ${p.date}.`,
  },
  'date-too-late': {
    nl: (p) => `Kies een datum tot en met ${p.date}.`,
    fr: (p) => `Choisissez une date jusqu'au ${p.date} inclus.`,
    en: (p) => `Choose a date on or before ${p.date}.`,
  },
  'not-an-option': {
    nl: () => 'Kies een van de mogelijkheden.',
    fr: () => 'Choisissez une des possibilités.',
    en: () => 'Choose one of the options.',
  },
  'too-few-choices': {
    nl: (p) => `Kies er minstens ${p.min}.`,
    fr: (p) => `Choisissez-en au moins ${p.min}.`,
    en: (p) => `Choose at least ${p.min}.`,
  },
  'too-many-choices': {
    nl: (p) => `Kies er hoogstens ${p.max}.`,
    fr: (p) => `Choisissez-en ${p.max} au maximum.`,
    en: (p) => `Choose at most ${p.max}.`,
  },
  'invalid-email': {
    nl: () => 'Vul een e-mailadres in zoals naam@voorbeeld.be.',
    fr: () => 'Indiquez une adresse e-mail comme nom@exemple.be.',
    en: () => 'Enter an email address like name@example.be.',
  },
  'invalid-phone': {
    nl: () => 'Vul een telefoonnummer in zoals 056 73 33 11, 0470 12 34 56 of +32 470 12 34 56.',
    fr: () => 'Indiquez un numéro de téléphone comme 056 73 33 11, 0470 12 34 56 ou +32 470 12 34 56.',
    en: () => 'Enter a phone number like 056 73 33 11, 0470 12 34 56 or +32 470 12 34 56.',
  },
  'invalid-postcode': {
    nl: () => 'Een Belgische postcode heeft 4 cijfers, bijvoorbeeld 8530.',
    fr: () => 'Un code postal belge a 4 chiffres, par exemple 8530.',
    en: () => 'A Belgian postcode has 4 digits, for example 8530.',
  },
  'postcode-not-allowed': {
    nl: (p) => `Dit adres ligt niet in de stad. Kies een adres met postcode ${p.list}.`,
    fr: (p) => `Cette adresse n'est pas dans la ville. Choisissez une adresse avec le code postal ${p.list}.`,
    en: (p) => `This address is not in the city. Choose an address with postcode ${p.list}.`,
  },
  'file-too-large': {
    nl: (p) => `Dit bestand is te groot. Het mag hoogstens ${p.list} zijn.`,
    fr: (p) => `Ce fichier est trop volumineux. Il peut faire au maximum ${p.list}.`,
    en: (p) => `This file is too large. It can be at most ${p.list}.`,
  },
  'file-type-not-allowed': {
    nl: (p) => `Dit soort bestand kunnen we niet aannemen. Gebruik ${p.list}.`,
    fr: (p) => `Nous ne pouvons pas accepter ce type de fichier. Utilisez ${p.list}.`,
    en: (p) => `We cannot accept this type of file. Use ${p.list}.`,
  },
  'too-many-files': {
    nl: (p) => `Voeg hoogstens ${p.max} bestanden toe.`,
    fr: (p) => `Ajoutez ${p.max} fichiers au maximum.`,
    en: (p) => `Add at most ${p.max} files.`,
  },
  'file-not-uploaded': {
    nl: () => 'Dit bestand is nog niet opgeladen. Wacht even, of kies het opnieuw.',
    fr: () => "Ce fichier n'est pas encore chargé. Patientez un instant ou choisissez-le à nouveau.",
    en: () => 'This file has not been uploaded yet. Wait a moment, or choose it again.',
  },
  'file-content-mismatch': {
    nl: (p) => `De naam van dit bestand past niet bij wat erin zit: het is een ${p.list}-bestand. Kies het juiste bestand.`,
    fr: (p) => `Le nom de ce fichier ne correspond pas à son contenu : c'est un fichier ${p.list}. Choisissez le bon fichier.`,
    en: (p) => `The name of this file does not match what is in it: it is a ${p.list} file. Choose the right file.`,
  },
  'file-unreadable': {
    nl: () => 'We kunnen dit bestand niet openen. Misschien is het beschadigd. Kies een ander bestand.',
    fr: () => 'Nous ne pouvons pas ouvrir ce fichier. Il est peut-être endommagé. Choisissez un autre fichier.',
    en: () => 'We cannot open this file. It may be damaged. Choose another file.',
  },
  'file-upload-unknown': {
    nl: () => 'We vinden dit bestand niet (meer). Voeg het opnieuw toe.',
    fr: () => 'Nous ne trouvons pas (plus) ce fichier. Ajoutez-le à nouveau.',
    en: () => 'We cannot find this file (any more). Add it again.',
  },
  'too-few-items': {
    nl: (p) => `Vul er minstens ${p.min} in.`,
    fr: (p) => `Remplissez-en au moins ${p.min}.`,
    en: (p) => `Fill in at least ${p.min}.`,
  },
  'too-many-items': {
    nl: (p) => `Vul er hoogstens ${p.max} in.`,
    fr: (p) => `Remplissez-en ${p.max} au maximum.`,
    en: (p) => `Fill in at most ${p.max}.`,
  },
};

/** The message for a field error in `lang`. National register number errors reuse the identity module's texts. */
export const formErrorMessage = (code: FormErrorCode, lang: Language, params: FormErrorParams = {}): string => {
  if (code.startsWith('national-number-')) {
    return nationalNumberErrorMessage(code.slice('national-number-'.length) as NationalNumberError, lang, params.typed);
  }
  return messages[code as keyof Messages][lang](params);
};
