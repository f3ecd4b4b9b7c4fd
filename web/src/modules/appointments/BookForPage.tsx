import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/src/appointments/index.ts';
import { ApiError } from '../../app/api.ts';
import { cityDateOf } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { languageNames, languages } from '../../app/language.rules.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Alert, Button, ButtonLink, FormField, fieldIds, Heading, Paragraph, Select, Textbox } from '../../ui/index.ts';
import { TextAreaField, useIdempotencyKey, useRequesterLookup } from '../cases/index.ts';
import { AppointmentFacts } from './AppointmentParts.tsx';
import { type AppointmentChannel, addDays, formatClock, formatDayHeading } from './appointment-display.rules.ts';
import { useBookableProducts, useBookFor, useSlots } from './appointments.api.ts';
import './appointments.css';

const formId = 'book-for';
const id = (field: string) => `${formId}-${field}`;
/** The purpose written to the audit log with the register look-up. */
const lookupPurpose = 'Afspraak maken voor de inwoner (telefoon of balie)';

type Errors = Partial<Record<'nationalNumber' | 'product' | 'channel' | 'start' | 'note', string>>;

/**
 * `/werk/afspraken/nieuw` (cases:work): an employee books an appointment for someone on the phone
 * or at the desk. Who it is for comes from a register look-up (audited with its purpose); then the
 * product, where, a free day and hour, and a note. The appointment is the person's own: it shows
 * in their Mijn afspraken, and they get the confirmation by e-mail when the city has their address.
 */
export const BookForPage = () => {
  const { t } = useTranslation();
  const language = currentLanguage();
  usePageTitle(t('appointments.bookFor.title'));
  const products = useBookableProducts();
  const lookup = useRequesterLookup();
  const book = useBookFor();
  const key = useIdempotencyKey();
  const [nationalNumber, setNationalNumber] = useState('');
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [product, setProduct] = useState('');
  const [channelChoice, setChannelChoice] = useState<AppointmentChannel | null>(null);
  const [from, setFrom] = useState(() => cityDateOf(Date.now()));
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const [note, setNote] = useState('');
  const [mailLanguage, setMailLanguage] = useState(language);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  const chosen = products.data?.items.find((item) => item.slug === product);
  const channel: AppointmentChannel | null = chosen
    ? channelChoice && chosen.channels.includes(channelChoice)
      ? channelChoice
      : (chosen.channels[0] ?? null)
    : null;
  const slots = useSlots({ product, channel, from });
  const days = slots.data?.days.filter((entry) => entry.slots.length > 0) ?? [];
  const today = cityDateOf(Date.now());
  const times = days.find((entry) => entry.date === day)?.slots ?? [];

  useEffect(() => {
    if (booked) doneHeading.current?.focus();
  }, [booked]);

  /** A field's message goes once its value changes: it said what was wrong with the old one. */
  const clearError = (field: keyof Errors) => setErrors((current) => ({ ...current, [field]: undefined }));

  const runLookup = () => {
    setErrors((current) => ({ ...current, nationalNumber: undefined }));
    lookup.mutate(
      { nationalNumber, purpose: lookupPurpose },
      {
        onSuccess: (file) => {
          setPerson({ id: file.person.id, name: `${file.person.givenName} ${file.person.familyName}` });
          clearError('nationalNumber');
        },
        onError: (error) => {
          setPerson(null);
          const message = error instanceof ApiError ? (error.fieldError('nationalNumber') ?? error.title) : t('errors.generic');
          setErrors((current) => ({ ...current, nationalNumber: message }));
        },
      },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const missing: Errors = {
      ...(person ? {} : { nationalNumber: t('appointments.bookFor.personRequired') }),
      ...(product ? {} : { product: t('appointments.bookFor.productRequired') }),
      ...(start ? {} : { start: t('appointments.bookFor.timeRequired') }),
    };
    setErrors(missing);
    const first = Object.keys(missing)[0];
    if (first || !person || !channel) {
      if (first) document.getElementById(id(first))?.focus();
      return;
    }
    try {
      const appointment = await book.mutateAsync({
        body: { personId: person.id, product, channel, start, language: mailLanguage, ...(note.trim() ? { note: note.trim() } : {}) },
        idempotencyKey: key.current(),
      });
      key.renew();
      setBooked(appointment);
    } catch (error) {
      key.renew();
      if (!(error instanceof ApiError)) {
        setFailure(t('errors.generic'));
        return;
      }
      const fields: Errors = {};
      for (const field of ['product', 'channel', 'start', 'note'] as const) {
        const message = error.fieldError(field);
        if (message) fields[field] = message;
      }
      if (error.fieldError('personId')) fields.nationalNumber = error.fieldError('personId');
      setErrors(fields);
      if (error.code === 'appointment-slot-taken') setStart('');
      const firstField = Object.keys(fields)[0];
      if (firstField) document.getElementById(id(firstField))?.focus();
      else setFailure(error.title);
    }
  };

  if (booked) {
    return (
      <div className="gv-stack gv-stack--loose">
        <Heading level={1} ref={doneHeading} tabIndex={-1}>
          {t('appointments.bookFor.doneTitle')}
        </Heading>
        <Paragraph lead>{t('appointments.bookFor.doneText', { name: person?.name ?? '' })}</Paragraph>
        <AppointmentFacts appointment={booked} withProduct />
        <p className="gv-button-row">
          <ButtonLink to={`/werk/afspraken?date=${cityDateOf(Date.parse(booked.start))}`} appearance="primary-action">
            {t('appointments.bookFor.toAgenda')}
          </ButtonLink>
          <Button
            appearance="secondary-action"
            onClick={() => {
              setBooked(null);
              setPerson(null);
              setNationalNumber('');
              setStart('');
              setNote('');
            }}
          >
            {t('appointments.bookFor.again')}
          </Button>
        </p>
      </div>
    );
  }

  const described = (field: keyof Errors, hint = false) => [hint && fieldIds(id(field)).description, errors[field] && fieldIds(id(field)).error];

  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('appointments.bookFor.title')}</Heading>
        <Paragraph lead>{t('appointments.bookFor.intro')}</Paragraph>
      </div>
      <form className="gv-form gv-stack" noValidate onSubmit={(event) => void submit(event)}>
        <Heading level={2}>{t('appointments.bookFor.who')}</Heading>
        <FormField
          id={id('nationalNumber')}
          label={t('cases.work.intake.nationalNumber')}
          description={t('cases.work.intake.nationalNumberHint')}
          error={errors.nationalNumber}
        >
          <Textbox
            id={id('nationalNumber')}
            inputMode="numeric"
            autoComplete="off"
            value={nationalNumber}
            invalid={Boolean(errors.nationalNumber)}
            describedBy={described('nationalNumber', true)}
            onChange={(event) => {
              setNationalNumber(event.target.value);
              setPerson(null);
            }}
          />
        </FormField>
        <div>
          <Button appearance="secondary-action" disabled={lookup.isPending} onClick={runLookup}>
            {lookup.isPending ? t('cases.work.intake.looking') : t('cases.work.intake.lookup')}
          </Button>
        </div>
        {person ? (
          <Alert type="ok">
            <Paragraph>{t('cases.work.intake.found', { name: person.name })}</Paragraph>
          </Alert>
        ) : null}

        <Heading level={2}>{t('appointments.bookFor.what')}</Heading>
        <FormField id={id('product')} label={t('appointments.bookFor.product')} error={errors.product}>
          <Select
            id={id('product')}
            value={product}
            invalid={Boolean(errors.product)}
            describedBy={described('product')}
            onChange={(event) => {
              setProduct(event.target.value);
              setDay('');
              setStart('');
              clearError('product');
            }}
          >
            <option value="">{t('appointments.bookFor.choose')}</option>
            {products.data?.items.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.title}
              </option>
            ))}
          </Select>
        </FormField>
        {chosen && chosen.channels.length > 1 ? (
          <FormField id={id('channel')} label={t('appointments.bookFor.channel')} error={errors.channel}>
            <Select
              id={id('channel')}
              value={channel ?? ''}
              onChange={(event) => {
                setChannelChoice(event.target.value as AppointmentChannel);
                setDay('');
                setStart('');
                clearError('channel');
              }}
            >
              {chosen.channels.map((option) => (
                <option key={option} value={option}>
                  {t(`appointments.agenda.channelName.${option}`)}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}

        {chosen ? (
          <>
            <Heading level={2}>{t('appointments.bookFor.when')}</Heading>
            <p className="gv-button-row">
              <Button appearance="secondary-action" disabled={from <= today} onClick={() => setFrom(addDays(from, -7))}>
                {t('appointments.bookFor.previousWeek')}
              </Button>
              <Button
                appearance="secondary-action"
                disabled={Boolean(slots.data && addDays(from, 7) > slots.data.lastBookableDate)}
                onClick={() => setFrom(addDays(from, 7))}
              >
                {t('appointments.bookFor.nextWeek')}
              </Button>
            </p>
            <FormField id={id('day')} label={t('appointments.bookFor.day')}>
              <Select
                id={id('day')}
                value={day}
                onChange={(event) => {
                  setDay(event.target.value);
                  setStart('');
                }}
              >
                <option value="">
                  {slots.isPending
                    ? t('appointments.bookFor.loading')
                    : days.length === 0
                      ? t('appointments.bookFor.noDays')
                      : t('appointments.bookFor.choose')}
                </option>
                {days.map((entry) => (
                  <option key={entry.date} value={entry.date}>
                    {t('appointments.bookFor.dayOption', { day: formatDayHeading(entry.date, language), count: entry.slots.length })}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField id={id('start')} label={t('appointments.bookFor.time')} error={errors.start}>
              <Select
                id={id('start')}
                value={start}
                invalid={Boolean(errors.start)}
                describedBy={described('start')}
                disabled={!day}
                onChange={(event) => {
                  setStart(event.target.value);
                  clearError('start');
                }}
              >
                <option value="">{t('appointments.bookFor.choose')}</option>
                {times.map((slot) => (
                  <option key={slot.start} value={slot.start}>
                    {formatClock(slot.start, language)}
                  </option>
                ))}
              </Select>
            </FormField>
          </>
        ) : null}

        <TextAreaField
          id={id('note')}
          label={t('appointments.bookFor.note')}
          rows={3}
          maxLength={500}
          value={note}
          error={errors.note}
          onChange={(event) => setNote(event.target.value)}
        />
        <FormField id={id('language')} label={t('appointments.bookFor.language')}>
          <Select id={id('language')} value={mailLanguage} onChange={(event) => setMailLanguage(event.target.value as typeof mailLanguage)}>
            {languages.map((option) => (
              <option key={option} value={option} lang={option}>
                {languageNames[option]}
              </option>
            ))}
          </Select>
        </FormField>
        {failure ? (
          <Alert type="error">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        ) : null}
        <div>
          <Button type="submit" appearance="primary-action" disabled={book.isPending}>
            {t('appointments.bookFor.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
};
