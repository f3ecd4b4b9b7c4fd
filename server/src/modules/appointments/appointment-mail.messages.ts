import type { Language } from '../../../../shared/src/platform/language.ts';

/**
 * The e-mails about an appointment, in nl, fr and en: when and where, and a link to "Mijn
 * afspraken". Like the case mails they leave out what the appointment is for (mail passes through
 * servers the city does not control).
 */

export type AppointmentMailKind = 'booked' | 'cancelled' | 'reminder';

type Texts = {
  subject: Record<AppointmentMailKind, (when: string) => string>;
  intro: Record<AppointmentMailKind, (when: string, place: string) => string>;
  link: string;
  closing: (city: string) => string;
};

const texts: Record<Language, Texts> = {
  nl: {
    subject: {
      booked: (when) => `Uw afspraak op ${when}`,
      cancelled: (when) => `Uw afspraak op ${when} is geannuleerd`,
      reminder: (when) => `Herinnering: uw afspraak op ${when}`,
    },
    intro: {
      booked: (when, place) => `Uw afspraak is bevestigd: ${when}, ${place}.`,
      reminder: (when, place) => `Wij verwachten u ${when}, ${place}. Kunt u niet komen? Annuleer de afspraak dan, zodat iemand anders uw plaats kan nemen.`,
      cancelled: (when) => `Uw afspraak op ${when} is geannuleerd. U kunt altijd een nieuwe afspraak maken.`,
    },
    link: 'Bekijk of annuleer uw afspraken:',
    closing: (city) => `Met vriendelijke groeten,\n${city}\n\nDit is een automatisch bericht.`,
  },
  fr: {
    subject: {
      booked: (when) => `Votre rendez-vous du ${when}`,
      cancelled: (when) => `Votre rendez-vous du ${when} est annulé`,
      reminder: (when) => `Rappel : votre rendez-vous du ${when}`,
    },
    intro: {
      booked: (when, place) => `Votre rendez-vous est confirmé : ${when}, ${place}.`,
      reminder: (when, place) =>
        `Nous vous attendons le ${when}, ${place}. Vous ne pouvez pas venir ? Annulez alors le rendez-vous, pour que quelqu'un d'autre puisse prendre votre place.`,
      cancelled: (when) => `Votre rendez-vous du ${when} est annulé. Vous pouvez toujours prendre un nouveau rendez-vous.`,
    },
    link: 'Consultez ou annulez vos rendez-vous :',
    closing: (city) => `Cordialement,\n${city}\n\nCeci est un message automatique.`,
  },
  en: {
    subject: {
      booked: (when) => `Your appointment on ${when}`,
      cancelled: (when) => `Your appointment on ${when} is cancelled`,
      reminder: (when) => `Reminder: your appointment on ${when}`,
    },
    intro: {
      booked: (when, place) => `Your appointment is confirmed: ${when}, ${place}.`,
      reminder: (when, place) => `We expect you on ${when}, ${place}. Can you not come? Then cancel the appointment, so someone else can take your place.`,
      cancelled: (when) => `Your appointment on ${when} is cancelled. You can always book a new one.`,
    },
    link: 'See or cancel your appointments:',
    closing: (city) => `Kind regards,\n${city}\n\nThis is an automated message.`,
  },
};

/** The subject and text of an appointment e-mail. `when` is already formatted in the language. */
export const appointmentMail = (
  kind: AppointmentMailKind,
  input: { when: string; place: string; link: string; cityName: string; language: Language },
): { subject: string; text: string } => {
  const t = texts[input.language];
  return {
    subject: t.subject[kind](input.when),
    text: `${t.intro[kind](input.when, input.place)}\n\n${t.link}\n${input.link}\n\n${t.closing(input.cityName)}\n`,
  };
};
