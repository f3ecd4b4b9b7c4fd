import type { Language } from '../../../../shared/src/platform/language.ts';

type Localized = Record<Language, string>;

/**
 * Titles of every problem code the platform can answer with. Modules add their own codes through
 * `defineProblems` in their `*.errors.ts`; this table holds the cross-cutting ones.
 */
export const platformProblems = {
  'validation-failed': {
    status: 400,
    title: { nl: 'Enkele gegevens zijn niet juist ingevuld.', fr: 'Certaines données ne sont pas correctes.', en: 'Some fields are not filled in correctly.' },
  },
  'bad-request': {
    status: 400,
    title: { nl: 'Deze vraag kunnen we niet lezen.', fr: 'Nous ne pouvons pas lire cette demande.', en: 'We cannot read this request.' },
  },
  'not-found': {
    status: 404,
    title: { nl: 'Deze pagina of dit gegeven bestaat niet.', fr: "Cette page ou cette donnée n'existe pas.", en: 'This page or item does not exist.' },
  },
  'method-not-allowed': {
    status: 405,
    title: { nl: 'Deze actie is hier niet mogelijk.', fr: "Cette action n'est pas possible ici.", en: 'This action is not allowed here.' },
  },
  'payload-too-large': {
    status: 413,
    title: { nl: 'Wat u doorstuurt is te groot.', fr: 'Ce que vous envoyez est trop volumineux.', en: 'What you sent is too large.' },
  },
  'unsupported-media-type': {
    status: 415,
    title: { nl: 'Dit soort gegevens kunnen we niet lezen.', fr: 'Nous ne pouvons pas lire ce type de données.', en: 'We cannot read this type of content.' },
  },
  unauthenticated: {
    status: 401,
    title: { nl: 'Meld u eerst aan.', fr: "Connectez-vous d'abord.", en: 'Please log in first.' },
  },
  forbidden: {
    status: 403,
    title: {
      nl: 'U hebt geen toegang tot dit gegeven of deze actie.',
      fr: "Vous n'avez pas accès à cette donnée ou à cette action.",
      en: 'You do not have access to this item or action.',
    },
  },
  'csrf-token-invalid': {
    status: 403,
    title: {
      nl: 'Deze actie kwam niet van een pagina van de stad. Laad de pagina opnieuw en probeer nog eens.',
      fr: "Cette action ne venait pas d'une page de la ville. Rechargez la page et réessayez.",
      en: "This action did not come from one of the city's pages. Reload the page and try again.",
    },
  },
  'rate-limited': {
    status: 429,
    title: {
      nl: 'U stuurde te veel vragen na elkaar. Probeer het over een minuut opnieuw.',
      fr: 'Trop de demandes à la suite. Réessayez dans une minute.',
      en: 'Too many requests in a row. Please try again in a minute.',
    },
  },
  'internal-error': {
    status: 500,
    title: {
      nl: 'Er ging bij ons iets mis. Probeer het later opnieuw of bel de stad.',
      fr: "Une erreur s'est produite chez nous. Réessayez plus tard ou appelez la ville.",
      en: 'Something went wrong on our side. Please try again later or call the city.',
    },
  },
  'service-unavailable': {
    status: 503,
    title: {
      nl: 'Deze dienst is even niet beschikbaar. Probeer het zo opnieuw.',
      fr: 'Ce service est momentanément indisponible. Réessayez bientôt.',
      en: 'This service is briefly unavailable. Please try again shortly.',
    },
  },
  'not-available-in-production': {
    status: 404,
    title: { nl: 'Deze functie bestaat alleen in de demo.', fr: "Cette fonction n'existe que dans la démo.", en: 'This feature only exists in the demo.' },
  },
} as const satisfies Record<string, { status: number; title: Localized }>;

/** A problem code's definition: HTTP status and its title in every language. */
export type ProblemDefinition = { status: number; title: Localized };
