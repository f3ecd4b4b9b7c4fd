import type { OwnershipRefusalCode, TransitionRefusalCode } from '../../../../shared/src/cases/index.ts';
import { AppError, defineProblems } from '../../platform/http/problem.ts';

/** Problem codes of the cases module. */
export const casesProblems = defineProblems({
  /** No case with this id or reference that the caller may see (also for someone else's case: never 403, so ids cannot be probed). */
  'case-not-found': {
    status: 404,
    title: { nl: 'Dit dossier bestaat niet.', fr: "Ce dossier n'existe pas.", en: 'This case does not exist.' },
  },
  /** The product does not exist, is not published, or cannot be requested this way. */
  'case-product-not-found': {
    status: 404,
    title: { nl: 'Deze dienst kunt u hier niet aanvragen.', fr: 'Vous ne pouvez pas demander ce service ici.', en: 'You cannot request this service here.' },
  },
  /** The product needs a login with eID or itsme (certificates, permits, forms with register data). */
  'case-assurance-too-low': {
    status: 403,
    title: {
      nl: 'Voor deze aanvraag moet u aanmelden met eID of itsme.',
      fr: 'Pour cette demande, connectez-vous avec votre eID ou itsme.',
      en: 'For this request, log in with your eID or itsme.',
    },
  },
  /** The request is for a person who is not a minor of the resident's household. */
  'case-person-not-allowed': {
    status: 403,
    title: {
      nl: 'U kunt dit alleen aanvragen voor uzelf of voor minderjarige kinderen van uw gezin.',
      fr: 'Vous ne pouvez le demander que pour vous-même ou pour les enfants mineurs de votre ménage.',
      en: 'You can only request this for yourself or for minor children of your household.',
    },
  },
  /** The Idempotency-Key was used before for a different request. */
  'case-idempotency-key-reused': {
    status: 422,
    title: {
      nl: 'Deze aanvraag werd al met andere gegevens verstuurd. Begin opnieuw.',
      fr: 'Cette demande a déjà été envoyée avec d’autres données. Recommencez.',
      en: 'This request was already sent with different details. Start again.',
    },
  },
  /** The Idempotency-Key header is empty, too long or has characters other than visible ASCII. */
  'case-idempotency-key-invalid': {
    status: 400,
    title: { nl: 'De Idempotency-Key is ongeldig.', fr: "L'Idempotency-Key n'est pas valide.", en: 'The Idempotency-Key is not valid.' },
  },
  /** The staff member may see the case but not do this (a partner asked for advice sending a message). */
  'case-action-not-allowed': {
    status: 403,
    title: { nl: 'U kunt dit niet doen in dit dossier.', fr: 'Vous ne pouvez pas faire cela dans ce dossier.', en: 'You cannot do this in this case.' },
  },
  /** The work queue belongs to a team (or partner) the caller does not work for. */
  'case-queue-not-allowed': {
    status: 403,
    title: {
      nl: 'Dit is niet de werkbak van uw team.',
      fr: "Ce n'est pas la file de travail de votre équipe.",
      en: "This is not your team's work queue.",
    },
  },
  /** No team or partner with this id in the city profile. */
  'case-queue-not-found': {
    status: 404,
    title: { nl: 'Deze werkbak bestaat niet.', fr: "Cette file de travail n'existe pas.", en: 'This work queue does not exist.' },
  },
  /** The routing tester is for staff who work on cases or manage the routing rules. */
  'case-routing-not-allowed': {
    status: 403,
    title: { nl: 'U kunt de routering niet testen.', fr: 'Vous ne pouvez pas tester le routage.', en: 'You cannot test the routing.' },
  },
  /** The employee to assign does not exist or no longer works for the city. */
  'case-assignee-not-found': {
    status: 422,
    title: { nl: 'Deze medewerker bestaat niet.', fr: "Ce membre du personnel n'existe pas.", en: 'This employee does not exist.' },
  },
  /** The partner to ask for advice is not in the city profile. */
  'case-partner-unknown': {
    status: 422,
    title: { nl: 'Kies een partner om advies aan te vragen.', fr: 'Choisissez un partenaire à consulter.', en: 'Choose a partner to ask for advice.' },
  },
  /** The requester can no longer reply: the case is decided, closed, rejected or withdrawn. */
  'case-closed-for-replies': {
    status: 409,
    title: {
      nl: 'Dit dossier is afgesloten. Stel een nieuwe vraag als u nog iets wilt weten.',
      fr: 'Ce dossier est clôturé. Posez une nouvelle question si vous voulez encore savoir quelque chose.',
      en: 'This case is closed. Ask a new question if you want to know more.',
    },
  },
  // Refusals of the status machine (shared/src/cases/case-status.rules.ts), one code each.
  /** The step does not exist for this kind of case (asking advice on a general question). */
  'case-transition-not-in-family': {
    status: 409,
    title: {
      nl: 'Deze stap bestaat niet voor dit soort dossier.',
      fr: "Cette étape n'existe pas pour ce type de dossier.",
      en: 'This step does not exist for this kind of case.',
    },
  },
  /** The case is closed, rejected or withdrawn: nothing changes it any more. */
  'case-is-final': {
    status: 409,
    title: { nl: 'Dit dossier is al afgesloten.', fr: 'Ce dossier est déjà clôturé.', en: 'This case is already closed.' },
  },
  /** The step is not possible from the current status (closing a case that is not decided). */
  'case-transition-not-allowed': {
    status: 409,
    title: {
      nl: 'Deze stap kan niet in de huidige status van het dossier.',
      fr: "Cette étape n'est pas possible dans le statut actuel du dossier.",
      en: 'This step is not possible in the current status of the case.',
    },
  },
  /** This kind of actor may not take the step. */
  'case-transition-actor-not-allowed': {
    status: 409,
    title: { nl: 'U kunt deze stap niet zetten.', fr: 'Vous ne pouvez pas effectuer cette étape.', en: 'You cannot take this step.' },
  },
  /** The step needs the other handling (the system deciding a case a person took over). */
  'case-handling-mismatch': {
    status: 409,
    title: {
      nl: 'Dit dossier wordt nu door een medewerker behandeld.',
      fr: 'Ce dossier est maintenant traité par un collaborateur.',
      en: 'This case is now handled by an employee.',
    },
  },
  /** The outcome does not belong to this kind of case. */
  'case-outcome-invalid': {
    status: 422,
    title: {
      nl: 'Kies een beslissing die bij dit dossier past.',
      fr: 'Choisissez une décision adaptée à ce dossier.',
      en: 'Choose an outcome that fits this case.',
    },
  },
  /** A rejection or a hand-over needs a reason of at least five characters. */
  'case-reason-required': {
    status: 422,
    title: { nl: 'Geef een reden op.', fr: 'Indiquez une raison.', en: 'Give a reason.' },
  },
  // Refusals of the ownership rules (shared/src/cases/case-ownership.rules.ts).
  /** Handing over to the team or partner that already owns the case. */
  'case-same-owner': {
    status: 409,
    title: { nl: 'Het dossier ligt al bij deze dienst.', fr: 'Le dossier est déjà chez ce service.', en: 'The case is already with this team.' },
  },
  /** The team or partner is not in the city profile. */
  'case-owner-unknown': {
    status: 422,
    title: { nl: 'Deze dienst of partner bestaat niet.', fr: "Ce service ou partenaire n'existe pas.", en: 'This team or partner does not exist.' },
  },
  /** A partner owns the case: city staff cannot claim or be assigned until it is handed back. */
  'case-owned-by-partner': {
    status: 409,
    title: {
      nl: 'Een partner behandelt dit dossier. Laat het eerst teruggeven.',
      fr: "Un partenaire traite ce dossier. Faites-le d'abord restituer.",
      en: 'A partner handles this case. Have it handed back first.',
    },
  },
  /** The employee is not a member of the team that owns the case. */
  'case-not-in-owner-team': {
    status: 409,
    title: {
      nl: 'Deze medewerker hoort niet bij de dienst die het dossier behandelt.',
      fr: 'Ce collaborateur ne fait pas partie du service qui traite le dossier.',
      en: 'This employee is not in the team that handles the case.',
    },
  },
  /** Someone else already works on the case. */
  'case-already-claimed': {
    status: 409,
    title: { nl: 'Een collega behandelt dit dossier al.', fr: 'Un collègue traite déjà ce dossier.', en: 'A colleague already works on this case.' },
  },
  /** Only the person who works on the case can release it. */
  'case-not-assignee': {
    status: 409,
    title: { nl: 'U behandelt dit dossier niet.', fr: 'Vous ne traitez pas ce dossier.', en: 'You do not work on this case.' },
  },
  // Uploads and attachments (case-attachments.service.ts).
  /** The upload is not a file we store, or its name does not fit its content; `errors[]` names the field and says why. Nothing was stored. */
  'upload-refused': {
    status: 422,
    title: { nl: 'Dit bestand kunnen we niet aannemen.', fr: 'Nous ne pouvons pas accepter ce fichier.', en: 'We cannot accept this file.' },
  },
  /** The upload is larger than its question (or the 10 MB of an added document) allows; `errors[]` names the field and the limit. Nothing was stored. */
  'upload-too-large': {
    status: 413,
    title: { nl: 'Dit bestand is te groot.', fr: 'Ce fichier est trop volumineux.', en: 'This file is too large.' },
  },
  /** The request holds no file (multipart/form-data with one part `file`). */
  'upload-file-missing': {
    status: 400,
    title: { nl: 'Kies een bestand om op te laden.', fr: 'Choisissez un fichier à charger.', en: 'Choose a file to upload.' },
  },
  /** `form` and `field` do not name a file question of a form. */
  'upload-field-unknown': {
    status: 400,
    title: { nl: 'Bij deze vraag hoort geen bestand.', fr: 'Cette question ne demande pas de fichier.', en: 'This question does not take a file.' },
  },
  /** Someone without a login uploads without the `x-upload-scope` header that binds the file to their question. */
  'upload-scope-required': {
    status: 400,
    title: {
      nl: 'Laad de pagina opnieuw en voeg het bestand nog eens toe.',
      fr: 'Rechargez la page et ajoutez à nouveau le fichier.',
      en: 'Reload the page and add the file again.',
    },
  },
  /** No file with this id that the caller may download (also for someone else's: never 403, so ids cannot be probed). */
  'attachment-not-found': {
    status: 404,
    title: { nl: 'Dit bestand bestaat niet.', fr: "Ce fichier n'existe pas.", en: 'This file does not exist.' },
  },
  // Drafts (shared/src/cases/case-draft.rules.ts).
  /** No draft of this form for the caller (never saved, submitted, deleted or older than 30 days). */
  'case-draft-not-found': {
    status: 404,
    title: { nl: 'Er is geen bewaard formulier.', fr: "Il n'y a pas de formulaire enregistré.", en: 'There is no saved form.' },
  },
  /** The draft has answers to questions the form does not have, or nesting no form produces. */
  'case-draft-invalid': {
    status: 422,
    title: {
      nl: 'Dit concept past niet bij het formulier.',
      fr: 'Ce brouillon ne correspond pas au formulaire.',
      en: 'This draft does not fit the form.',
    },
  },
  /** The draft is larger than 64 KiB (files are uploaded, not kept in a draft). */
  'case-draft-too-large': {
    status: 413,
    title: { nl: 'Dit concept is te groot om te bewaren.', fr: 'Ce brouillon est trop volumineux.', en: 'This draft is too large to save.' },
  },
});

export type CasesProblem = keyof typeof casesProblems;

/** A cases failure as problem+json. Importing it (a value) also registers the codes above. */
export const casesError = (code: CasesProblem, options?: ConstructorParameters<typeof AppError>[1]): AppError => new AppError(code, options);

const transitionProblems: Record<TransitionRefusalCode, CasesProblem> = {
  'not-in-family': 'case-transition-not-in-family',
  'case-is-final': 'case-is-final',
  'not-allowed-from-status': 'case-transition-not-allowed',
  'actor-not-allowed': 'case-transition-actor-not-allowed',
  'handling-mismatch': 'case-handling-mismatch',
  'invalid-outcome': 'case-outcome-invalid',
  'reason-required': 'case-reason-required',
};

const ownershipProblems: Record<OwnershipRefusalCode, CasesProblem> = {
  'reason-required': 'case-reason-required',
  'same-owner': 'case-same-owner',
  'unknown-owner': 'case-owner-unknown',
  'owned-by-partner': 'case-owned-by-partner',
  'not-in-owner-team': 'case-not-in-owner-team',
  'already-claimed': 'case-already-claimed',
  'not-assignee': 'case-not-assignee',
};

/** The problem for a refusal of the status machine. */
export const transitionError = (code: TransitionRefusalCode): AppError => casesError(transitionProblems[code]);

/** The problem for a refusal of the ownership rules. */
export const ownershipError = (code: OwnershipRefusalCode): AppError => casesError(ownershipProblems[code]);
