import type { VerificationCodeError } from '../../../../shared/src/documents/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { AppError, defineProblems } from '../../platform/http/problem.ts';

/** Problem codes of the documents module. */
export const documentsProblems = defineProblems({
  /** No document with this verification code: it was not issued by the city (or the code was mistyped in a way the check character cannot catch). */
  'document-code-unknown': {
    status: 404,
    title: {
      nl: 'Er is geen document met deze verificatiecode.',
      fr: "Il n'existe aucun document avec ce code de vérification.",
      en: 'There is no document with this verification code.',
    },
  },
  /** The text is not a verification code (wrong length, a character that is never used, a failing check character); field `code` says which. */
  'document-code-invalid': {
    status: 400,
    title: { nl: 'Dit is geen geldige verificatiecode.', fr: "Ce n'est pas un code de vérification valide.", en: 'This is not a valid verification code.' },
  },
  /** No document with this id that the caller may download (also for someone else's document: never 403, so ids cannot be probed). */
  'document-not-found': {
    status: 404,
    title: { nl: 'Dit document bestaat niet.', fr: "Ce document n'existe pas.", en: 'This document does not exist.' },
  },
});

export type DocumentsProblem = keyof typeof documentsProblems;

/** A documents failure as problem+json; importing it also registers the codes above. */
export const documentsError = (code: DocumentsProblem): AppError => new AppError(code);

const codeMessages: Record<VerificationCodeError, Record<Language, string>> = {
  empty: { nl: 'Vul de verificatiecode in.', fr: 'Saisissez le code de vérification.', en: 'Enter the verification code.' },
  'wrong-length': {
    nl: 'Een verificatiecode heeft 16 tekens, bijvoorbeeld 7KQM-2HX4-RN8D-3PWC.',
    fr: 'Un code de vérification compte 16 caractères, par exemple 7KQM-2HX4-RN8D-3PWC.',
    en: 'A verification code has 16 characters, for example 7KQM-2HX4-RN8D-3PWC.',
  },
  'bad-character': {
    nl: 'Een verificatiecode bevat alleen cijfers en letters, zonder U.',
    fr: 'Un code de vérification ne contient que des chiffres et des lettres, sans U.',
    en: 'A verification code only has digits and letters, never a U.',
  },
  'bad-check': {
    nl: 'Deze code klopt niet. Kijk elk teken na: er is waarschijnlijk een tikfout.',
    fr: "Ce code n'est pas correct. Vérifiez chaque caractère : il y a probablement une faute de frappe.",
    en: 'This code is not right. Check each character: there is probably a typing mistake.',
  },
};

/** A malformed code as a field error on `code`, saying what is wrong. */
export const invalidCodeError = (reason: VerificationCodeError): AppError =>
  new AppError('document-code-invalid', { fields: [{ field: 'code', code: reason, message: codeMessages[reason] }] });
