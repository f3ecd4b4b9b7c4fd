import { AppError, defineProblems } from '../../platform/http/problem.ts';

/** Problem codes of the appointments module. */
export const appointmentsProblems = defineProblems({
  /** No appointment with this id that the caller may see (also for someone else's: never 403). */
  'appointment-not-found': {
    status: 404,
    title: { nl: 'Deze afspraak bestaat niet.', fr: "Ce rendez-vous n'existe pas.", en: 'This appointment does not exist.' },
  },
  /** The product is not published, or the catalogue offers no appointment for it. */
  'appointment-product-not-bookable': {
    status: 422,
    title: {
      nl: 'Voor deze dienst kunt u geen afspraak maken.',
      fr: 'Vous ne pouvez pas prendre rendez-vous pour ce service.',
      en: 'You cannot book an appointment for this service.',
    },
  },
  /** The product is bookable, but not on this channel (a home visit for an eID). */
  'appointment-channel-not-offered': {
    status: 422,
    title: {
      nl: 'Deze dienst kunt u niet op deze manier afspreken.',
      fr: 'Ce service ne se prend pas sur rendez-vous de cette manière.',
      en: 'This service cannot be booked this way.',
    },
  },
  /** The start is not one of the day's start times within the opening hours. */
  'appointment-not-a-slot': {
    status: 422,
    title: {
      nl: 'Op dit uur kunt u geen afspraak maken.',
      fr: 'Vous ne pouvez pas prendre rendez-vous à cette heure.',
      en: 'You cannot book an appointment at this time.',
    },
  },
  /** The slot starts within the minimum notice. */
  'appointment-too-soon': {
    status: 422,
    title: {
      nl: 'Dit uur is te kort op voorhand. Kies een later uur.',
      fr: 'Cette heure est trop proche. Choisissez une heure plus tard.',
      en: 'This time is too soon. Choose a later time.',
    },
  },
  /** The slot lies beyond the booking window. */
  'appointment-too-far': {
    status: 422,
    title: {
      nl: 'Zo ver vooruit kunt u nog geen afspraak maken.',
      fr: 'Vous ne pouvez pas encore prendre rendez-vous aussi loin.',
      en: 'You cannot book that far ahead yet.',
    },
  },
  /** Every place at this time is taken (by another booking in the meantime). */
  'appointment-slot-taken': {
    status: 409,
    title: {
      nl: 'Dit uur is net door iemand anders gekozen. Kies een ander uur.',
      fr: "Cette heure vient d'être choisie par quelqu'un d'autre. Choisissez une autre heure.",
      en: 'Someone else just took this time. Choose another time.',
    },
  },
  /** The resident already has an upcoming appointment for this product. */
  'appointment-already-booked': {
    status: 409,
    title: {
      nl: 'U hebt al een afspraak voor deze dienst. Bekijk ze bij Mijn afspraken.',
      fr: 'Vous avez déjà un rendez-vous pour ce service. Consultez-le dans Mes rendez-vous.',
      en: 'You already have an appointment for this service. See My appointments.',
    },
  },
  /** The resident already has another appointment at (part of) this time. */
  'appointment-overlaps-own': {
    status: 409,
    title: {
      nl: 'U hebt op dit uur al een andere afspraak. Kies een ander uur.',
      fr: 'Vous avez déjà un autre rendez-vous à cette heure. Choisissez une autre heure.',
      en: 'You already have another appointment at this time. Choose another time.',
    },
  },
  /** A home visit needs a login the population register knows (eID or itsme): the visit goes to that address. */
  'appointment-home-needs-register': {
    status: 403,
    title: {
      nl: 'Voor een huisbezoek moet u aanmelden met eID of itsme.',
      fr: 'Pour une visite à domicile, connectez-vous avec votre eID ou itsme.',
      en: 'For a home visit, log in with your eID or itsme.',
    },
  },
  /** An employee booked for a person the register does not know. */
  'appointment-person-not-found': {
    status: 422,
    title: {
      nl: 'Deze persoon staat niet in het rijksregister.',
      fr: 'Cette personne ne figure pas au registre national.',
      en: 'This person is not in the population register.',
    },
  },
  /** Cancelled already, past, or within the minimum notice: call the city instead. */
  'appointment-not-cancellable': {
    status: 409,
    title: {
      nl: 'Deze afspraak kunt u niet meer online annuleren. Bel de stad.',
      fr: 'Vous ne pouvez plus annuler ce rendez-vous en ligne. Appelez la ville.',
      en: 'You can no longer cancel this appointment online. Call the city.',
    },
  },
  /** The Idempotency-Key header is empty, too long or has characters other than visible ASCII. */
  'appointment-idempotency-key-invalid': {
    status: 400,
    title: { nl: 'De Idempotency-Key is ongeldig.', fr: "L'Idempotency-Key n'est pas valide.", en: 'The Idempotency-Key is not valid.' },
  },
  /** The Idempotency-Key was used before for another booking. */
  'appointment-idempotency-key-reused': {
    status: 422,
    title: {
      nl: 'Deze afspraak werd al met andere gegevens verstuurd. Begin opnieuw.',
      fr: 'Ce rendez-vous a déjà été envoyé avec d’autres données. Recommencez.',
      en: 'This appointment was already sent with different details. Start again.',
    },
  },
});

export type AppointmentsProblem = keyof typeof appointmentsProblems;

/** An appointments problem; `field` names the request field it is about. */
export const appointmentsError = (code: AppointmentsProblem, field?: string): AppError =>
  new AppError(code, field ? { fields: [{ field, code, message: appointmentsProblems[code].title }] } : {});
