import { createHash, randomUUID } from 'node:crypto';
import { Temporal } from '@js-temporal/polyfill';
import type { AgendaItem, Appointment, AppointmentChannel, BookableProduct, UpcomingAppointment } from '../../../../shared/src/appointments/index.ts';
import { bookingWindow, checkBooking, freeSlots, minutesFor } from '../../../../shared/src/appointments/index.ts';
import type { Product } from '../../../../shared/src/catalog/index.ts';
import type { CityProfile } from '../../../../shared/src/city/index.ts';
import type { Actor, ResidentActor, StaffActor } from '../../../../shared/src/identity/access.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import type { AuditLog } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { MailService } from '../../platform/mail/mail.service.ts';
import { createIdentityRepository } from '../identity/index.ts';
import type { PopulationRegister } from '../register/index.ts';
import { appointmentCalendar } from './appointment-calendar.ts';
import { type AppointmentMailKind, appointmentMail } from './appointment-mail.messages.ts';
import { type AppointmentsProblem, appointmentsError } from './appointments.errors.ts';
import { type AppointmentRow, createAppointmentsRepository } from './appointments.repository.ts';

/** The catalogue as the appointments need it: which products exist and how each channel serves them. */
export type AppointmentProducts = {
  findPublished: (slug: string) => Promise<Product | undefined>;
  listForExport: () => Promise<Product[]>;
};

export type AppointmentsDeps = {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  city: CityProfile;
  mail: MailService;
  register: PopulationRegister;
  products: AppointmentProducts;
  /** Base URL of the portal, for the link in e-mails and the calendar file. */
  publicUrl: string;
};

const channels = ['counter', 'home'] as const;

/** What a booking asks for. */
type BookingBody = { product: string; channel: AppointmentChannel; start: string; note?: string | undefined };
const locales: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
const homePlace: Record<Language, string> = { nl: 'bij u thuis', fr: 'à votre domicile', en: 'at your home' };
const refusalProblems = {
  'not-a-slot': 'appointment-not-a-slot',
  'too-soon': 'appointment-too-soon',
  'too-far': 'appointment-too-far',
  taken: 'appointment-slot-taken',
} as const satisfies Record<string, AppointmentsProblem>;

/** On which of the two channels the catalogue lets residents book this product, and whether it must. */
export const bookableChannels = (product: Product, city: CityProfile): { channels: AppointmentChannel[]; required: boolean } => {
  const offered = channels.filter((channel) => {
    const served = product.channels[channel];
    return served?.available === true && (served.appointment === 'required' || served.appointment === 'optional') && city.channels[channel].available;
  });
  return { channels: offered, required: offered.some((channel) => product.channels[channel]?.appointment === 'required') };
};

/**
 * Appointments at the city hall's counter or at home: the free slots (opening hours, closing days,
 * capacity, see shared/src/appointments/availability.rules.ts), booking one (a logged-in resident,
 * idempotent, checked and written under the channel's lock, confirmed by e-mail), "Mijn
 * afspraken" with cancelling and an iCalendar file, the staff's day agenda and the upcoming
 * appointments in a case's 360° strip. Reads of a person's appointments by staff are audited.
 */
export const createAppointmentsService = (deps: AppointmentsDeps) => {
  const { db, audit, clock, city, mail } = deps;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const domain = new URL(publicUrl).hostname;
  const cityName = (lang: Language) => city.name[lang] ?? city.name.nl;
  const cityHall = `${city.address.street} ${city.address.number}, ${city.address.postcode} ${city.address.municipality}`;
  const placeOf = (channel: string, lang: Language) => (channel === 'home' ? homePlace[lang] : `${cityName(lang)}, ${cityHall}`);
  const whenOf = (start: Date, lang: Language) =>
    new Intl.DateTimeFormat(locales[lang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: city.timeZone,
    }).format(start);
  const titleOf = (product: Product | undefined, slug: string, lang: Language) => product?.title[lang] ?? product?.title.nl ?? slug;
  const titles = async (slugs: string[], lang: Language) => {
    const unique = [...new Set(slugs)];
    const found = await Promise.all(unique.map((slug) => deps.products.findPublished(slug)));
    const map = new Map(unique.map((slug, i) => [slug, titleOf(found[i], slug, lang)]));
    return (slug: string) => map.get(slug) ?? slug;
  };
  const cancellable = (row: AppointmentRow, now: Date) =>
    row.status === 'booked' && new Date(row.starts_at).getTime() - now.getTime() >= city.appointments.minimumNoticeMinutes * 60_000;

  const view = (row: AppointmentRow, title: string, lang: Language, now: Date): Appointment => ({
    id: row.id,
    product: { slug: row.product_slug, title },
    channel: row.channel as AppointmentChannel,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    status: row.status as Appointment['status'],
    place: placeOf(row.channel, lang),
    note: row.note,
    language: row.language as Language,
    createdAt: new Date(row.created_at).toISOString(),
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at).toISOString() : null,
    cancellable: cancellable(row, now),
    calendarUrl: `/api/me/appointments/${row.id}/calendar.ics`,
  });

  /** The product, published and bookable on `channel`; refused with the field it is about otherwise. */
  const bookable = async (slug: string, channel: AppointmentChannel) => {
    const product = await deps.products.findPublished(slug);
    const offered = product ? bookableChannels(product, city) : null;
    if (!product || !offered || offered.channels.length === 0) throw appointmentsError('appointment-product-not-bookable', 'product');
    if (!offered.channels.includes(channel)) throw appointmentsError('appointment-channel-not-offered', 'channel');
    return product;
  };

  /** Someone else's (or a guessed) id: the same answer as a missing one, and written down. */
  const denied = async (actor: ResidentActor, id: string): Promise<never> => {
    await audit.record(db, actor, { action: 'appointments.appointment.denied', resourceType: 'appointment', resourceId: id });
    throw appointmentsError('appointment-not-found');
  };

  const ownAppointment = async (actor: ResidentActor, id: string): Promise<AppointmentRow> => {
    const row = await createAppointmentsRepository(db).findById(id);
    return row && row.account_id === actor.accountId ? row : denied(actor, id);
  };

  const mailAbout = async (trx: Db, row: AppointmentRow, to: string | null, kind: AppointmentMailKind) => {
    if (!to) return;
    const language = row.language as Language;
    const text = appointmentMail(kind, {
      when: whenOf(new Date(row.starts_at), language),
      place: placeOf(row.channel, language),
      link: `${publicUrl}/mijn-afspraken`,
      cityName: cityName(language),
      language,
    });
    await mail.send({ to, subject: text.subject, text: text.text, language }, trx);
  };

  /**
   * Books a slot for `booker` (a resident, or an employee for a person): checked and written under
   * the channel's lock, confirmed by e-mail and audited. The view is in the request's language.
   */
  const reserve = async (
    booker: { actor: Actor; accountId: string; personId: string | null; email: string | null; language: Language },
    body: BookingBody,
    options: { idempotencyKey?: string | undefined; requestLanguage: Language; action: string },
  ): Promise<{ created: boolean; appointment: Appointment }> => {
    const product = await bookable(body.product, body.channel);
    const lang = options.requestLanguage;
    const title = titleOf(product, product.slug, lang);
    const requestHash = createHash('sha256')
      .update(JSON.stringify([body.product, body.channel, Date.parse(body.start), body.note ?? null]))
      .digest('hex');
    const repo = createAppointmentsRepository(db);
    if (options.idempotencyKey) {
      const row = await repo.findByIdempotencyKey(booker.accountId, options.idempotencyKey);
      if (row) {
        if (row.request_hash !== requestHash) throw appointmentsError('appointment-idempotency-key-reused');
        return { created: false, appointment: view(row, title, lang, clock.now()) };
      }
    }

    const minutes = minutesFor(city.appointments, product.slug);
    const start = Date.parse(body.start);
    const outcome = await db.transaction().execute(async (trx) => {
      const locked = createAppointmentsRepository(trx);
      await locked.lockChannel(body.channel);
      // A retry that raced the first attempt finds it now, behind the lock.
      const raced = options.idempotencyKey ? await locked.findByIdempotencyKey(booker.accountId, options.idempotencyKey) : undefined;
      if (raced) return { raced, row: null };
      const now = clock.now();
      if (await locked.findUpcomingForProduct(booker.accountId, product.slug, now)) throw appointmentsError('appointment-already-booked', 'product');
      const booked = await locked.listBookedBetween(body.channel, new Date(start), new Date(start + minutes * 60_000));
      const check = checkBooking(
        city,
        { channel: body.channel, minutes, start, now: now.getTime() },
        booked.map((row) => ({ start: new Date(row.starts_at).getTime(), end: new Date(row.ends_at).getTime() })),
      );
      if (!check.ok) throw appointmentsError(refusalProblems[check.refusal], 'start');
      // One person, one desk at a time: another appointment of theirs at that hour is refused too.
      if (await locked.hasBookedOverlapping(booker.accountId, new Date(start), new Date(start + minutes * 60_000))) {
        throw appointmentsError('appointment-overlaps-own', 'start');
      }
      const row = await locked.insert({
        id: randomUUID(),
        product_slug: product.slug,
        channel: body.channel,
        starts_at: new Date(check.slot.start),
        ends_at: new Date(check.slot.end),
        account_id: booker.accountId,
        person_id: booker.personId,
        language: booker.language,
        note: body.note ? body.note : null,
        idempotency_key: options.idempotencyKey ?? null,
        request_hash: requestHash,
        created_at: now,
      });
      await Promise.all([
        mailAbout(trx, row, booker.email, 'booked'),
        audit.record(trx, booker.actor, {
          action: options.action,
          subjectPersonId: booker.personId,
          resourceType: 'appointment',
          resourceId: row.id,
          details: { product: product.slug, channel: body.channel, start: row.starts_at },
        }),
      ]);
      return { raced: null, row };
    });
    if (outcome.raced) {
      if (outcome.raced.request_hash !== requestHash) throw appointmentsError('appointment-idempotency-key-reused');
      return { created: false, appointment: view(outcome.raced, title, lang, clock.now()) };
    }
    return { created: true, appointment: view(outcome.row, title, lang, clock.now()) };
  };

  return {
    /** The products a resident can book, by title. */
    async listProducts(lang: Language): Promise<BookableProduct[]> {
      const products = await deps.products.listForExport();
      return products
        .filter((product) => product.published)
        .flatMap((product) => {
          const offered = bookableChannels(product, city);
          if (offered.channels.length === 0) return [];
          return [
            {
              slug: product.slug,
              title: titleOf(product, product.slug, lang),
              channels: offered.channels,
              minutes: minutesFor(city.appointments, product.slug),
              required: offered.required,
            },
          ];
        })
        .sort((a, b) => a.title.localeCompare(b.title, locales[lang]));
    },

    /** The free slots of `days` dates from `from` (default today) for this product on this channel. */
    async slots(query: { product: string; channel: AppointmentChannel; from?: string | undefined; days: number }) {
      await bookable(query.product, query.channel);
      const now = clock.now().getTime();
      const window = bookingWindow(city, now);
      const from = query.from && query.from > window.first ? query.from : window.first;
      const minutes = minutesFor(city.appointments, query.product);
      const start = Temporal.PlainDate.from(from).toZonedDateTime({ timeZone: city.timeZone }).epochMilliseconds;
      const end = Temporal.PlainDate.from(from)
        .add({ days: query.days + 1 })
        .toZonedDateTime({ timeZone: city.timeZone }).epochMilliseconds;
      const booked = await createAppointmentsRepository(db).listBookedBetween(query.channel, new Date(start), new Date(end));
      const days = freeSlots(
        city,
        { channel: query.channel, minutes, from, days: query.days, now },
        booked.map((row) => ({ start: new Date(row.starts_at).getTime(), end: new Date(row.ends_at).getTime() })),
      );
      return { product: query.product, channel: query.channel, minutes, lastBookableDate: window.last, days };
    },

    /**
     * Books a slot for a logged-in resident. With an idempotency key a retry answers the first
     * booking (`created: false`); the same key for another booking is refused.
     */
    async book(
      actor: Actor,
      body: BookingBody,
      options: { idempotencyKey?: string | undefined; requestLanguage: Language },
    ): Promise<{ created: boolean; appointment: Appointment }> {
      if (actor.kind !== 'resident') throw appointmentsError('appointment-not-found');
      if (body.channel === 'home' && !actor.personId) throw appointmentsError('appointment-home-needs-register');
      const booker = { actor, accountId: actor.accountId, personId: actor.personId, email: actor.email, language: options.requestLanguage };
      return reserve(booker, body, { ...options, action: 'appointments.appointment.booked' });
    },

    /**
     * Books a slot for a person in the register, by an employee (a call, the desk): the appointment
     * is the person's own (their account is made when they have none yet, so it shows in Mijn
     * afspraken once they log in with eID) and is confirmed by e-mail when the account has an address.
     */
    async bookFor(
      actor: StaffActor,
      body: BookingBody & { personId: string; language?: Language | undefined },
      options: { idempotencyKey?: string | undefined; requestLanguage: Language },
    ): Promise<{ created: boolean; appointment: Appointment }> {
      const person = await deps.register.getPerson(body.personId);
      if (!person) throw appointmentsError('appointment-person-not-found', 'personId');
      const accounts = createIdentityRepository(db);
      const account =
        (await accounts.findResidentAccount({ personId: person.id })) ??
        (await accounts
          .insertResidentAccount({ registerPersonId: person.id, email: null, preferredLanguage: body.language ?? 'nl' })
          .catch(async (error: unknown) => {
            // Made at the same moment by another booking or a first login: use that one.
            const made = await accounts.findResidentAccount({ personId: person.id });
            if (!made) throw error;
            return made;
          }));
      const booker = { actor, accountId: account.id, personId: person.id, email: account.email, language: body.language ?? account.preferredLanguage };
      return reserve(booker, body, { ...options, action: 'appointments.appointment.booked-for' });
    },

    /** "Mijn afspraken": the upcoming ones soonest first, then the earlier and cancelled ones newest first. */
    async listMine(actor: ResidentActor, lang: Language) {
      const rows = await createAppointmentsRepository(db).listForAccount(actor.accountId);
      const now = clock.now();
      const title = await titles(
        rows.map((row) => row.product_slug),
        lang,
      );
      const views = rows.map((row) => ({ row, view: view(row, title(row.product_slug), lang, now) }));
      return {
        upcoming: views.filter(({ row }) => row.status === 'booked' && new Date(row.ends_at) > now).map(({ view }) => view),
        earlier: views
          .filter(({ row }) => !(row.status === 'booked' && new Date(row.ends_at) > now))
          .reverse()
          .map(({ view }) => view),
      };
    },

    /** Cancels the resident's own booked appointment, if it does not start within the minimum notice. */
    async cancel(actor: ResidentActor, id: string, lang: Language): Promise<Appointment> {
      const row = await db.transaction().execute(async (trx) => {
        const repo = createAppointmentsRepository(trx);
        const current = await repo.findForUpdate(id);
        if (!current || current.account_id !== actor.accountId) return null;
        if (!cancellable(current, clock.now())) throw appointmentsError('appointment-not-cancellable');
        const cancelled = await repo.cancel(id, clock.now(), 'resident');
        await Promise.all([
          mailAbout(trx, cancelled, actor.email, 'cancelled'),
          audit.record(trx, actor, {
            action: 'appointments.appointment.cancelled',
            subjectPersonId: actor.personId,
            resourceType: 'appointment',
            resourceId: id,
            details: { product: cancelled.product_slug, start: cancelled.starts_at },
          }),
        ]);
        return cancelled;
      });
      if (!row) return denied(actor, id);
      return view(row, (await titles([row.product_slug], lang))(row.product_slug), lang, clock.now());
    },

    /** The iCalendar file of the resident's own appointment. */
    async calendar(actor: ResidentActor, id: string, lang: Language): Promise<{ fileName: string; body: string }> {
      const row = await ownAppointment(actor, id);
      const title = (await titles([row.product_slug], lang))(row.product_slug);
      const prefix = { nl: 'Afspraak', fr: 'Rendez-vous', en: 'Appointment' }[lang];
      const body = appointmentCalendar({
        id: row.id,
        domain,
        cityName: cityName(lang),
        summary: `${prefix}: ${title} (${cityName(lang)})`,
        description: `${publicUrl}/mijn-afspraken`,
        location: placeOf(row.channel, lang),
        start: new Date(row.starts_at),
        end: new Date(row.ends_at),
        created: new Date(row.created_at),
        cancelled: row.status === 'cancelled',
        url: `${publicUrl}/mijn-afspraken`,
      });
      const date = Temporal.Instant.fromEpochMilliseconds(new Date(row.starts_at).getTime()).toZonedDateTimeISO(city.timeZone).toPlainDate().toString();
      return { fileName: `afspraak-${date}.ics`, body };
    },

    /** A day's agenda for the staff, with each person's name; the read is audited. */
    async agenda(actor: StaffActor, query: { date: string; channel?: AppointmentChannel | undefined }, lang: Language, requestId?: string) {
      const day = Temporal.PlainDate.from(query.date);
      const from = new Date(day.toZonedDateTime({ timeZone: city.timeZone }).epochMilliseconds);
      const to = new Date(day.add({ days: 1 }).toZonedDateTime({ timeZone: city.timeZone }).epochMilliseconds);
      const rows = await createAppointmentsRepository(db).listStartingBetween(from, to, query.channel);
      const title = await titles(
        rows.map((row) => row.product_slug),
        lang,
      );
      // One register read per person, however many appointments they have that day.
      const personIds = [...new Set(rows.flatMap((row) => (row.person_id ? [row.person_id] : [])))];
      const found = await Promise.all(personIds.map((personId) => deps.register.getPerson(personId)));
      const people = new Map(personIds.map((personId, i) => [personId, found[i]]));
      const noName = { nl: 'Zonder rijksregister', fr: 'Sans registre national', en: 'Not in the register' }[lang];
      const items: AgendaItem[] = rows.map((row) => {
        const person = row.person_id ? people.get(row.person_id) : null;
        return {
          id: row.id,
          product: { slug: row.product_slug, title: title(row.product_slug) },
          channel: row.channel as AppointmentChannel,
          start: new Date(row.starts_at).toISOString(),
          end: new Date(row.ends_at).toISOString(),
          status: row.status as AgendaItem['status'],
          person: { id: row.person_id, name: person ? `${person.givenName} ${person.familyName}` : noName },
          note: row.note,
        };
      });
      if (rows.length > 0) {
        await audit.recordAll(
          db,
          [...new Set(rows.map((row) => row.person_id))].map((personId) => ({
            actor,
            entry: {
              action: 'appointments.agenda.read',
              subjectPersonId: personId,
              resourceType: 'appointment-agenda',
              resourceId: query.date,
              purpose: 'appointment-handling',
              ...(requestId ? { requestId } : {}),
              details: { date: query.date, appointments: rows.filter((row) => row.person_id === personId).map((row) => row.id) },
            },
          })),
        );
      }
      return { date: query.date, items };
    },

    /**
     * E-mails a reminder for the booked appointments that start within the next day and were booked
     * at least a day ahead (one booked this morning needs none), once each: the reminder is marked in
     * the transaction that queues its mail, and rows another instance is reminding are skipped.
     * Returns how many were reminded. The app runs it every few minutes.
     */
    async sendReminders(limit = 100): Promise<number> {
      const now = clock.now();
      const day = 24 * 60 * 60_000;
      return db.transaction().execute(async (trx) => {
        const repo = createAppointmentsRepository(trx);
        const due = await repo.claimDueReminders(now, new Date(now.getTime() + day), day, limit);
        const accounts = createIdentityRepository(trx);
        for (const row of due) {
          const account = await accounts.findResidentAccount({ id: row.account_id });
          await mailAbout(trx, row, account?.email ?? null, 'reminder');
        }
        await repo.markReminded(
          due.map((row) => row.id),
          now,
        );
        return due.length;
      });
    },

    /**
     * The upcoming appointments of a person or account (a case's 360° strip). The caller writes the
     * read to the audit log with the rest of the strip.
     */
    async upcomingFor(by: { personId: string | null; accountId: string | null }, lang: Language): Promise<UpcomingAppointment[]> {
      const rows = await createAppointmentsRepository(db).listUpcomingFor(by, clock.now());
      if (rows.length === 0) return [];
      const title = await titles(
        rows.map((row) => row.product_slug),
        lang,
      );
      return rows.map((row) => ({
        id: row.id,
        product: { slug: row.product_slug, title: title(row.product_slug) },
        channel: row.channel as AppointmentChannel,
        start: new Date(row.starts_at).toISOString(),
        end: new Date(row.ends_at).toISOString(),
      }));
    },
  };
};

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
