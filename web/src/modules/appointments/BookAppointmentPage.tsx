import { useEffect, useRef, useState } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type Appointment, type BookableProduct, bookAppointmentRequestSchema, type SlotsResponse } from '../../../../shared/src/appointments/index.ts';
import { ApiError } from '../../app/api.ts';
import { cityDateOf, formatTime } from '../../app/city-display.rules.ts';
import { applyServerErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Alert,
  Button,
  ButtonLink,
  Choice,
  ErrorSummary,
  type ErrorSummaryItem,
  ExternalButtonLink,
  Fieldset,
  FormField,
  fieldIds,
  Heading,
  Link,
  Paragraph,
  Select,
} from '../../ui/index.ts';
import { TextAreaField, useIdempotencyKey } from '../cases/index.ts';
import { loginPageHref, oidcLoginHref, useMe } from '../identity/index.ts';
import { AppointmentConfirmation } from './AppointmentConfirmation.tsx';
import { type AppointmentChannel, bookingPath, channelFor, dateParam, formatDayHeading, weekEnd, weekSteps } from './appointment-display.rules.ts';
import { useBookAppointment, useBookableProducts, useSlots } from './appointments.api.ts';
import './appointments.css';

type Values = { product: string; channel: AppointmentChannel; start: string; note: string };
type Request = z.output<typeof bookAppointmentRequestSchema>;

const fields = ['product', 'channel', 'start', 'note'] as const;
const formId = 'booking';

/** The ids the error summary links to: the control, or the first control of a group (the week's title when it has no times). */
const fieldControlId = (field: string, firstChannel: string | undefined, firstSlotId: string | undefined): string => {
  if (field === 'channel') return firstChannel ? `${formId}-channel-${firstChannel}` : `${formId}-product`;
  if (field === 'start') return firstSlotId ?? `${formId}-week`;
  return `${formId}-${field}`;
};

const slotId = (date: string, time: string) => `${formId}-start-${date}-${time.replace(':', '')}`;

/** Why the person cannot confirm yet, and the login that brings them back to this choice. */
const LoginToConfirm = ({ returnTo, channel }: { returnTo: string; channel: AppointmentChannel }) => {
  const { t } = useTranslation();
  const me = useMe();
  const actor = me.data?.actor;
  if (actor?.kind === 'staff') return <Paragraph>{t('appointments.book.staffText')}</Paragraph>;
  // A home visit goes to the address in the register: it needs an eID or itsme login of someone living here.
  const stronger = actor?.kind === 'resident';
  return (
    <div className="gv-panel gv-stack">
      <Heading level={3}>{t(stronger ? 'appointments.book.registerTitle' : 'appointments.book.loginTitle')}</Heading>
      <Paragraph>
        {t(stronger ? 'appointments.book.registerText' : channel === 'home' ? 'appointments.book.loginHomeText' : 'appointments.book.loginText')}
      </Paragraph>
      <p className="gv-button-row">
        <ExternalButtonLink href={oidcLoginHref('resident', { returnTo, language: currentLanguage() })} appearance="primary-action">
          {t('appointments.book.eidButton')}
        </ExternalButtonLink>
        {!stronger && channel === 'counter' && me.data?.login.email ? (
          <ButtonLink to={loginPageHref('portal', returnTo)} appearance="secondary-action">
            {t('appointments.book.otherLogin')}
          </ButtonLink>
        ) : null}
      </p>
    </div>
  );
};

/** One day of the week as a group named by its heading: its free times as radio buttons, or why there are none. */
const Day = ({
  day,
  invalid,
  describedBy,
  register,
}: {
  day: SlotsResponse['days'][number];
  invalid: boolean;
  describedBy: string | undefined;
  register: UseFormRegister<Values>;
}) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const note = day.closedReason
    ? t(day.slots.length > 0 ? 'appointments.book.partlyClosed' : 'appointments.book.closed', { reason: day.closedReason })
    : day.slots.length === 0
      ? t('appointments.book.noSlots')
      : undefined;
  return (
    <Fieldset
      id={`${formId}-day-${day.date}`}
      className="gv-slot-day"
      legend={
        <Heading level={3} appearance={4} className="gv-slot-day__title">
          {formatDayHeading(day.date, language)}
        </Heading>
      }
      description={note}
    >
      {day.slots.length > 0 ? (
        <div className="gv-slots">
          {day.slots.map((slot) => (
            <Choice
              key={slot.start}
              id={slotId(day.date, slot.time)}
              type="radio"
              value={slot.start}
              label={formatTime(slot.time, language)}
              className="gv-slot"
              invalid={invalid}
              describedBy={[describedBy]}
              {...register('start')}
            />
          ))}
        </div>
      ) : null}
    </Fieldset>
  );
};

/**
 * The week of free slots with "previous week" and "next week". When a button a person used turns
 * disabled (the first or last week), focus goes to the week's title instead of being lost.
 */
const Week = ({
  product,
  channel,
  from,
  today,
  onFrom,
  error,
  register,
  slots,
}: {
  product: string;
  channel: AppointmentChannel;
  from: string;
  today: string;
  onFrom: (from: string) => void;
  error: string | undefined;
  register: UseFormRegister<Values>;
  slots: ReturnType<typeof useSlots>;
}) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  // The last bookable date of the week before, while the next week loads: "next week" stays where it is.
  const lastKnown = useRef<string | undefined>(undefined);
  if (slots.data) lastKnown.current = slots.data.lastBookableDate;
  const last = lastKnown.current;
  const steps = weekSteps(from, today, last);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the week changes.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const active = document.activeElement;
    if (!active || active === document.body || (active instanceof HTMLButtonElement && active.disabled)) title.current?.focus();
  }, [from, slots.isSuccess]);
  const go = (to: string | null) => {
    if (!to) return;
    moved.current = true;
    onFrom(to);
  };
  const freeCount = slots.data?.days.reduce((sum, day) => sum + day.slots.length, 0) ?? 0;
  return (
    <div className="gv-stack">
      <div className="gv-week-nav">
        <Button appearance="secondary-action" disabled={!steps.previous} onClick={() => go(steps.previous)}>
          {t('appointments.book.previousWeek')}
        </Button>
        <p id={`${formId}-week`} ref={title} tabIndex={-1} className="gv-week-nav__title" aria-live="polite">
          {t('appointments.book.week', { from: formatDayHeading(from, language), to: formatDayHeading(weekEnd(from, last), language) })}
        </p>
        <Button appearance="secondary-action" disabled={!steps.next} onClick={() => go(steps.next)}>
          {t('appointments.book.nextWeek')}
        </Button>
      </div>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <QueryAlert error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {slots.data && slots.data.product === product && slots.data.channel === channel ? (
        <Fieldset id={`${formId}-start`} legend={t('appointments.book.startLegend')} error={error} className="gv-slot-week">
          {freeCount === 0 ? <Paragraph>{t(steps.next ? 'appointments.book.noSlotsThisWeek' : 'appointments.book.noSlotsLastWeek')}</Paragraph> : null}
          {slots.data.days.map((day) => (
            <Day key={day.date} day={day} invalid={Boolean(error)} describedBy={error ? fieldIds(`${formId}-start`).error : undefined} register={register} />
          ))}
        </Fieldset>
      ) : null}
    </div>
  );
};

/** The chosen slot in words ("maandag 7 december om 8.30, in het stadhuis"), or what is still missing. */
const ChosenSlot = ({
  product,
  channel,
  slot,
}: {
  product: BookableProduct | undefined;
  channel: AppointmentChannel;
  slot: { date: string; time: string } | null;
}) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!product || !slot) return <Paragraph>{t('appointments.book.pickFirst')}</Paragraph>;
  return (
    <Paragraph className="gv-booking-summary">
      {t('appointments.book.summary', {
        product: product.title,
        date: formatDayHeading(slot.date, language),
        time: formatTime(slot.time, language),
        place: t(`appointments.where.${channel}`),
      })}
    </Paragraph>
  );
};

/**
 * `/afspraak` (`?product=` preselects one): choose what for and where (city hall or at home), then
 * a free time in a week of slots, then confirm with an optional note. A visitor sees the slots and
 * logs in to confirm, coming back to the same choice. A time someone else took meanwhile is said
 * plainly and the slots are read again.
 */
export const BookAppointmentPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('appointments.book.title'));
  const [booked, setBooked] = useState<Appointment | null>(null);
  if (booked) return <AppointmentConfirmation appointment={booked} />;
  return <BookingForm onBooked={setBooked} />;
};

const BookingForm = ({ onBooked }: { onBooked: (appointment: Appointment) => void }) => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const products = useBookableProducts();
  const me = useMe();
  const book = useBookAppointment();
  const key = useIdempotencyKey();
  const [today] = useState(() => cityDateOf(Date.now()));
  const [from, setFrom] = useState(() => {
    const asked = dateParam(params.get('from'));
    return asked && asked > today ? asked : today;
  });
  const [attempt, setAttempt] = useState(0);
  const [taken, setTaken] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; rest: string[] } | null>(null);
  const takenAlert = useRef<HTMLDivElement>(null);

  const form = useForm<Values, unknown, Request>({
    ...formOptions,
    resolver: zodFormResolver<Values, Request>(bookAppointmentRequestSchema, {
      prepare: (values: Values) => ({ ...values, note: values.note.trim() || undefined }),
      messages: (_issue, path) => {
        if (path === 'product') return t('appointments.book.productRequired');
        if (path === 'start') return t('appointments.book.startRequired');
        if (path === 'note') return t('appointments.book.noteTooLong');
        return undefined;
      },
    }),
    defaultValues: {
      product: params.get('product') ?? '',
      channel: params.get('channel') === 'home' ? 'home' : 'counter',
      start: params.get('start') ?? '',
      note: '',
    },
  });
  const productSlug = form.watch('product');
  const wantedChannel = form.watch('channel');
  const start = form.watch('start');
  const items = products.data?.items ?? [];
  const product = items.find((item) => item.slug === productSlug);
  const channel = channelFor(product, wantedChannel);
  const slots = useSlots({ product: product ? productSlug : '', channel, from });

  // A product offers only some channels: the form follows what the product offers.
  useEffect(() => {
    if (channel && channel !== wantedChannel) form.setValue('channel', channel);
  }, [channel, wantedChannel, form]);
  // A chosen time that is no longer free (taken meanwhile, or from an old link) is let go.
  useEffect(() => {
    if (!start || !slots.data) return;
    if (!slots.data.days.some((day) => day.slots.some((slot) => slot.start === start))) form.setValue('start', '');
  }, [slots.data, start, form]);
  useEffect(() => {
    if (taken) takenAlert.current?.focus();
  }, [taken]);

  if (products.isPending || me.isPending) return <Loading />;
  if (products.isError) return <QueryAlert error={products.error} onRetry={() => void products.refetch()} />;

  const { errors } = form.formState;
  const chosenSlot =
    slots.data?.days.flatMap((day) => day.slots.filter((slot) => slot.start === start).map((slot) => ({ date: day.date, time: slot.time })))[0] ?? null;
  const firstSlot = slots.data?.days.flatMap((day) => day.slots.map((slot) => slotId(day.date, slot.time)))[0];
  const summaryItems: ErrorSummaryItem[] = fields.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ id: fieldControlId(field, product && product.channels.length > 1 ? product.channels[0] : undefined, firstSlot), message }] : [];
  });
  const actor = me.data?.actor;
  const mayConfirm = actor?.kind === 'resident' && (channel !== 'home' || actor.hasRegisterFile);
  const returnTo = bookingPath({ product: productSlug, channel, from, start: start || null });

  const chooseProduct = (slug: string) => {
    const next = items.find((item) => item.slug === slug);
    form.setValue('product', slug);
    form.setValue('channel', channelFor(next, form.getValues('channel')) ?? 'counter');
    form.setValue('start', '');
    form.clearErrors();
    setTaken(false);
    setFrom(today);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      setTaken(false);
      try {
        const appointment = await book.mutateAsync({
          body: { product: values.product, channel: values.channel, start: values.start, ...(values.note ? { note: values.note } : {}) },
          idempotencyKey: key.current(),
        });
        key.renew();
        onBooked(appointment);
      } catch (error) {
        // A refusal booked nothing: the next try is a new request. A lost answer keeps its key, so a retry cannot book twice.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) key.renew();
        if (error instanceof ApiError && error.code === 'appointment-slot-taken') {
          form.setValue('start', '');
          setTaken(true);
          return;
        }
        const rest = applyServerErrors(error, form.setError, (field) => (fields as readonly string[]).includes(field));
        if (rest === null) setFailure({ error, rest: [] });
        else {
          if (rest.length > 0) setFailure({ error: null, rest });
          setAttempt((n) => n + 1);
        }
      }
    },
    () => setAttempt((n) => n + 1),
  );

  const productError = errors.product?.message;
  const channelError = errors.channel?.message;
  const noteError = errors.note?.message;
  const alreadyBooked = errors.product?.type === 'appointment-already-booked';

  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('appointments.book.title')}</Heading>
        <Paragraph lead>{t('appointments.book.intro')}</Paragraph>
      </div>
      <form className="gv-stack gv-stack--loose gv-booking" noValidate onSubmit={(event) => void submit(event)} aria-label={t('appointments.book.title')}>
        <ErrorSummary title={t('appointments.book.errorTitle')} items={summaryItems} attempt={attempt} />
        {failure?.error ? <QueryAlert error={failure.error} /> : null}
        {failure && failure.rest.length > 0 ? (
          <Alert type="error" heading={t('appointments.book.errorTitle')}>
            <ul>
              {failure.rest.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}

        <section aria-labelledby={`${formId}-what`} className="gv-stack">
          <Heading level={2} id={`${formId}-what`}>
            {t('appointments.book.whatTitle')}
          </Heading>
          <FormField id={`${formId}-product`} label={t('appointments.book.productLabel')} error={productError}>
            <Select
              id={`${formId}-product`}
              invalid={Boolean(productError)}
              describedBy={[productError && fieldIds(`${formId}-product`).error]}
              {...form.register('product', { onChange: (event) => chooseProduct(event.target.value) })}
            >
              <option value="">{t('appointments.book.choose')}</option>
              {items.map((item) => (
                <option key={item.slug} value={item.slug}>
                  {item.title}
                </option>
              ))}
            </Select>
          </FormField>
          {alreadyBooked ? (
            <p>
              <Link to="/mijn-afspraken">{t('appointments.book.seeMine')}</Link>
            </p>
          ) : null}
          {product && product.channels.length > 1 ? (
            <Fieldset id={`${formId}-channel`} legend={t('appointments.book.channelLegend')} error={channelError}>
              {product.channels.map((option) => (
                <Choice
                  key={option}
                  id={`${formId}-channel-${option}`}
                  type="radio"
                  value={option}
                  label={t(`appointments.channel.${option}`)}
                  invalid={Boolean(channelError)}
                  {...form.register('channel', {
                    onChange: () => {
                      form.setValue('start', '');
                      setTaken(false);
                      setFrom(today);
                    },
                  })}
                />
              ))}
            </Fieldset>
          ) : product && channel ? (
            <Paragraph>{t(`appointments.book.only.${channel}`)}</Paragraph>
          ) : null}
          {product && channel === 'home' ? <Paragraph className="gv-form-note">{t('appointments.book.homeNote')}</Paragraph> : null}
        </section>

        {product && channel ? (
          <section aria-labelledby={`${formId}-when`} className="gv-stack">
            <Heading level={2} id={`${formId}-when`}>
              {t('appointments.book.whenTitle')}
            </Heading>
            <Paragraph>{t('appointments.book.whenIntro', { minutes: slots.data?.minutes ?? product.minutes })}</Paragraph>
            {taken ? (
              <div ref={takenAlert} tabIndex={-1} className="gv-focus-target">
                <Alert type="warning" heading={t('appointments.book.takenTitle')}>
                  <Paragraph>{t('appointments.book.takenText')}</Paragraph>
                </Alert>
              </div>
            ) : null}
            <Week
              product={productSlug}
              channel={channel}
              from={from}
              today={today}
              onFrom={(next) => {
                setFrom(next);
                setTaken(false);
              }}
              error={errors.start?.message}
              register={form.register}
              slots={slots}
            />
          </section>
        ) : null}

        {product && channel ? (
          <section aria-labelledby={`${formId}-confirm`} className="gv-stack">
            <Heading level={2} id={`${formId}-confirm`}>
              {t('appointments.book.confirmTitle')}
            </Heading>
            <ChosenSlot product={product} channel={channel} slot={chosenSlot} />
            {mayConfirm ? (
              <>
                <TextAreaField
                  id={`${formId}-note`}
                  label={t('appointments.book.noteLabel')}
                  hint={t('appointments.book.noteHint')}
                  error={noteError}
                  maxLength={500}
                  rows={3}
                  {...form.register('note')}
                />
                <div>
                  <Button type="submit" appearance="primary-action" disabled={form.formState.isSubmitting}>
                    {form.formState.isSubmitting ? t('appointments.book.sending') : t('appointments.book.submit')}
                  </Button>
                </div>
              </>
            ) : (
              <LoginToConfirm returnTo={returnTo} channel={channel} />
            )}
          </section>
        ) : null}
      </form>
    </div>
  );
};
