import type { Language } from '../../../../shared/src/platform/language.ts';

/**
 * The e-mails about a case, in nl, fr and en. They name the case by its reference and link to it,
 * and say nothing else about it: no product, no status, no name (mail passes through servers the
 * city does not control, and a shared mailbox is read by others). The link needs a login, or is
 * the requester's secret follow link.
 */

/** Why we write. */
export type CaseMailKind = 'submitted' | 'status-changed' | 'message' | 'automation-failed';

type Texts = { subject: (ref: string) => string; intro: Record<CaseMailKind, (ref: string) => string>; link: string; closing: (city: string) => string };

const texts: Record<Language, Texts> = {
  nl: {
    subject: (ref) => `Uw dossier ${ref}`,
    intro: {
      submitted: (ref) => `Wij hebben uw aanvraag goed ontvangen. Uw dossiernummer is ${ref}.`,
      'status-changed': (ref) => `Er is nieuws over uw dossier ${ref}.`,
      message: (ref) => `U hebt een nieuw bericht over uw dossier ${ref}.`,
      'automation-failed': (ref) => `Uw dossier ${ref} wordt verder behandeld door een medewerker.`,
    },
    link: 'Bekijk uw dossier:',
    closing: (city) => `Met vriendelijke groeten,\n${city}\n\nDit is een automatisch bericht. Antwoord via de link hierboven.`,
  },
  fr: {
    subject: (ref) => `Votre dossier ${ref}`,
    intro: {
      submitted: (ref) => `Nous avons bien reçu votre demande. Votre numéro de dossier est ${ref}.`,
      'status-changed': (ref) => `Il y a du nouveau dans votre dossier ${ref}.`,
      message: (ref) => `Vous avez un nouveau message concernant votre dossier ${ref}.`,
      'automation-failed': (ref) => `Votre dossier ${ref} sera traité par un collaborateur.`,
    },
    link: 'Consultez votre dossier :',
    closing: (city) => `Cordialement,\n${city}\n\nCeci est un message automatique. Répondez via le lien ci-dessus.`,
  },
  en: {
    subject: (ref) => `Your case ${ref}`,
    intro: {
      submitted: (ref) => `We have received your request. Your case number is ${ref}.`,
      'status-changed': (ref) => `There is news about your case ${ref}.`,
      message: (ref) => `You have a new message about your case ${ref}.`,
      'automation-failed': (ref) => `Your case ${ref} will be handled by an employee.`,
    },
    link: 'View your case:',
    closing: (city) => `Kind regards,\n${city}\n\nThis is an automatic message. Reply through the link above.`,
  },
};

/** The subject and plain-text body of a case e-mail. */
export const caseMail = (kind: CaseMailKind, input: { reference: string; link: string; cityName: string; language: Language }) => {
  const t = texts[input.language];
  return {
    subject: t.subject(input.reference),
    text: `${t.intro[kind](input.reference)}\n\n${t.link}\n${input.link}\n\n${t.closing(input.cityName)}\n`,
  };
};
