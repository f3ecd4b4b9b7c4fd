import type { Language } from '../../../../../shared/src/platform/language.ts';

/** The texts of the provider's pages. Plain language (B1), "u" in Dutch, "vous" in French. */
export type IdpMessages = {
  siteName: string;
  demoLabel: string;
  demoNotice: string;
  loginHeading: { resident: string; staff: string };
  loginIntro: { resident: string; staff: string };
  accountsLabel: string;
  noAccounts: string;
  cancel: string;
  languageNav: string;
  logoutHeading: string;
  logoutQuestion: string;
  logoutYes: string;
  logoutNo: string;
  logoutAutomatic: string;
  loggedOutHeading: string;
  loggedOutText: string;
  errorHeading: string;
  errorExpired: string;
  errorUnknownAccount: string;
  errorGeneric: string;
  errorCode: string;
};

/** Each language's own name, as the switch links show it. */
export const languageNames: Readonly<Record<Language, string>> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export const idpMessages: Readonly<Record<Language, IdpMessages>> = {
  nl: {
    siteName: 'Demo-identiteitsprovider',
    demoLabel: 'Demo',
    demoNotice:
      'Dit is een demo-identiteitsprovider om Gastvrij uit te proberen. U meldt zich hier niet aan met uw eID of itsme: u kiest een verzonnen persoon. Gebruik dit nooit voor echte gegevens.',
    loginHeading: { resident: 'Aanmelden als inwoner', staff: 'Aanmelden als medewerker' },
    loginIntro: { resident: 'Kies als welke inwoner u zich wilt aanmelden.', staff: 'Kies als welke medewerker u zich wilt aanmelden.' },
    accountsLabel: 'Demo-personen',
    noAccounts: 'Er zijn geen demo-personen om uit te kiezen.',
    cancel: 'Annuleren en teruggaan',
    languageNav: 'Taal',
    logoutHeading: 'Afmelden',
    logoutQuestion: 'Wilt u zich afmelden bij de demo-identiteitsprovider?',
    logoutYes: 'Ja, afmelden',
    logoutNo: 'Nee, aangemeld blijven',
    logoutAutomatic: 'U wordt afgemeld. Gebeurt er niets? Kies dan hieronder.',
    loggedOutHeading: 'U bent afgemeld',
    loggedOutText: 'U bent afgemeld bij de demo-identiteitsprovider. U kunt dit venster sluiten.',
    errorHeading: 'Aanmelden lukt niet',
    errorExpired: 'Deze aanmelding is verlopen of al afgerond. Ga terug naar de toepassing en meld u opnieuw aan.',
    errorUnknownAccount: 'Met deze persoon kunt u zich hier niet aanmelden. Ga terug en kies een andere persoon.',
    errorGeneric: 'Er ging iets mis bij het aanmelden. Ga terug naar de toepassing en probeer het opnieuw.',
    errorCode: 'Foutcode',
  },
  fr: {
    siteName: 'Fournisseur d’identité de démonstration',
    demoLabel: 'Démo',
    demoNotice:
      'Ceci est un fournisseur d’identité de démonstration pour essayer Gastvrij. Vous ne vous connectez pas ici avec votre eID ou itsme : vous choisissez une personne fictive. Ne l’utilisez jamais pour de vraies données.',
    loginHeading: { resident: 'Se connecter comme habitant', staff: 'Se connecter comme collaborateur' },
    loginIntro: {
      resident: 'Choisissez l’habitant avec lequel vous voulez vous connecter.',
      staff: 'Choisissez le collaborateur avec lequel vous voulez vous connecter.',
    },
    accountsLabel: 'Personnes de démonstration',
    noAccounts: 'Il n’y a aucune personne de démonstration à choisir.',
    cancel: 'Annuler et revenir',
    languageNav: 'Langue',
    logoutHeading: 'Se déconnecter',
    logoutQuestion: 'Voulez-vous vous déconnecter du fournisseur d’identité de démonstration ?',
    logoutYes: 'Oui, me déconnecter',
    logoutNo: 'Non, rester connecté',
    logoutAutomatic: 'Vous êtes en cours de déconnexion. Rien ne se passe ? Choisissez ci-dessous.',
    loggedOutHeading: 'Vous êtes déconnecté',
    loggedOutText: 'Vous êtes déconnecté du fournisseur d’identité de démonstration. Vous pouvez fermer cette fenêtre.',
    errorHeading: 'La connexion n’a pas abouti',
    errorExpired: 'Cette connexion a expiré ou est déjà terminée. Retournez à l’application et connectez-vous à nouveau.',
    errorUnknownAccount: 'Vous ne pouvez pas vous connecter ici avec cette personne. Revenez en arrière et choisissez une autre personne.',
    errorGeneric: 'Un problème est survenu lors de la connexion. Retournez à l’application et réessayez.',
    errorCode: 'Code d’erreur',
  },
  en: {
    siteName: 'Demo identity provider',
    demoLabel: 'Demo',
    demoNotice:
      'This is a demo identity provider for trying out Gastvrij. You do not log in here with your eID or itsme: you pick a made-up person. Never use it for real data.',
    loginHeading: { resident: 'Log in as a resident', staff: 'Log in as a staff member' },
    loginIntro: { resident: 'Choose the resident you want to log in as.', staff: 'Choose the staff member you want to log in as.' },
    accountsLabel: 'Demo people',
    noAccounts: 'There are no demo people to choose from.',
    cancel: 'Cancel and go back',
    languageNav: 'Language',
    logoutHeading: 'Log out',
    logoutQuestion: 'Do you want to log out of the demo identity provider?',
    logoutYes: 'Yes, log me out',
    logoutNo: 'No, stay logged in',
    logoutAutomatic: 'You are being logged out. Nothing happens? Choose below.',
    loggedOutHeading: 'You are logged out',
    loggedOutText: 'You are logged out of the demo identity provider. You can close this window.',
    errorHeading: 'Logging in did not work',
    errorExpired: 'This login has expired or was already completed. Go back to the application and log in again.',
    errorUnknownAccount: 'You cannot log in here as this person. Go back and choose another person.',
    errorGeneric: 'Something went wrong while logging in. Go back to the application and try again.',
    errorCode: 'Error code',
  },
};
