import type { Language } from '../../../../shared/src/platform/language.ts';
import type { OutgoingMail } from '../../platform/mail/mail.service.ts';

const texts: Record<Language, { subject: (city: string) => string; body: (city: string, link: string) => string }> = {
  nl: {
    subject: (city) => `Uw aanmeldlink voor ${city}`,
    body: (city, link) =>
      `Goedendag,\n\nU vroeg om aan te melden bij ${city} met uw e-mailadres. Klik op deze link om verder te gaan:\n\n${link}\n\n` +
      'De link is 15 minuten geldig en werkt één keer. Vroeg u dit niet aan? Dan hoeft u niets te doen.\n\n' +
      `Met een e-mailadres kunt u meldingen en vragen doen en volgen. Voor attesten en persoonlijke gegevens meldt u aan met eID of itsme.\n\n${city}`,
  },
  fr: {
    subject: (city) => `Votre lien de connexion pour ${city}`,
    body: (city, link) =>
      `Bonjour,\n\nVous avez demandé à vous connecter à ${city} avec votre adresse e-mail. Cliquez sur ce lien pour continuer :\n\n${link}\n\n` +
      "Le lien est valable 15 minutes et ne sert qu'une fois. Vous n'avez rien demandé ? Alors vous ne devez rien faire.\n\n" +
      `Avec une adresse e-mail, vous pouvez faire et suivre des signalements et des questions. Pour les attestations et vos données personnelles, connectez-vous avec eID ou itsme.\n\n${city}`,
  },
  en: {
    subject: (city) => `Your login link for ${city}`,
    body: (city, link) =>
      `Hello,\n\nYou asked to log in to ${city} with your e-mail address. Follow this link to continue:\n\n${link}\n\n` +
      'The link is valid for 15 minutes and works once. Did you not ask for it? Then you need not do anything.\n\n' +
      `With an e-mail address you can make and follow reports and questions. For certificates and personal data, log in with eID or itsme.\n\n${city}`,
  },
};

/** The e-mail with a one-time login link, in the resident's language. */
export const emailLoginMail = (input: { to: string; link: string; language: Language; cityName: string }): OutgoingMail => ({
  to: input.to,
  subject: texts[input.language].subject(input.cityName),
  text: texts[input.language].body(input.cityName, input.link),
  language: input.language,
});
