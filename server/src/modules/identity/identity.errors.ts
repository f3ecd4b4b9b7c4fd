import { AppError, defineProblems } from '../../platform/http/problem.ts';

/**
 * Problem codes of the identity module. Login failures during a browser redirect are not answered
 * as JSON but sent to the login page with `?fout=<code>`, where the same codes are explained.
 */
export const identityProblems = defineProblems({
  /** Too many e-mail login links asked for one address or from one IP address. */
  'email-login-rate-limited': {
    status: 429,
    title: {
      nl: 'U vroeg al enkele aanmeldlinks aan. Kijk in uw mailbox (ook bij ongewenste mail) of probeer het over een uur opnieuw.',
      fr: 'Vous avez déjà demandé plusieurs liens de connexion. Vérifiez votre boîte mail (aussi les courriers indésirables) ou réessayez dans une heure.',
      en: 'You already asked for several login links. Check your mailbox (including spam) or try again in an hour.',
    },
  },
  /** The e-mail login link is unknown, already used or expired. */
  'email-link-invalid': {
    status: 400,
    title: {
      nl: 'Deze aanmeldlink werkt niet meer. Hij is 15 minuten geldig en werkt maar één keer. Vraag een nieuwe aan.',
      fr: "Ce lien de connexion ne fonctionne plus. Il est valable 15 minutes et ne sert qu'une fois. Demandez-en un nouveau.",
      en: 'This login link no longer works. It is valid for 15 minutes and works only once. Ask for a new one.',
    },
  },
  /** No staff member with this id. */
  'staff-not-found': {
    status: 404,
    title: {
      nl: 'Deze medewerker staat niet in de lijst.',
      fr: "Ce membre du personnel n'est pas dans la liste.",
      en: 'This staff member is not in the directory.',
    },
  },
  /** Another staff member already has this e-mail address. */
  'staff-email-taken': {
    status: 409,
    title: {
      nl: 'Er is al een medewerker met dit e-mailadres.',
      fr: 'Un membre du personnel utilise déjà cette adresse e-mail.',
      en: 'A staff member with this e-mail address already exists.',
    },
  },
  /** The resident logged in with e-mail only and asked for data from the population register. */
  'assurance-too-low': {
    status: 403,
    title: {
      nl: 'Hiervoor moet u aanmelden met eID of itsme.',
      fr: 'Pour cela, connectez-vous avec votre eID ou itsme.',
      en: 'For this, log in with your eID or itsme.',
    },
  },
});

export type IdentityProblem = keyof typeof identityProblems;

/** An identity failure as problem+json. Importing it (a value) also registers the codes above. */
export const identityError = (code: IdentityProblem, options?: ConstructorParameters<typeof AppError>[1]): AppError => new AppError(code, options);

/** Why a browser login did not go through; shown on the login page (web: auth.errors.<code>). */
export type LoginFailure = 'login-cancelled' | 'login-expired' | 'login-failed' | 'not-in-register' | 'staff-unknown' | 'idp-unavailable';
