import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/src/appointments/index.ts';
import { useCity } from '../../app/city.ts';
import { cityDateOf, formatLocalDate } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, ButtonLink, Heading, Link, Paragraph, VisuallyHidden } from '../../ui/index.ts';
import { AppointmentFacts, AppointmentStatusBadge, CalendarLink, useWhen } from './AppointmentParts.tsx';
import { useCancelAppointment, useMyAppointments } from './appointments.api.ts';
import './appointments.css';

/**
 * "Annuleren" with a second step: the question, then "yes, cancel" or "no, keep it". Focus goes to
 * the question when it opens and back to "Annuleren" when the person keeps the appointment.
 */
const CancelAppointment = ({
  appointment,
  label,
  onCancelled,
}: {
  appointment: Appointment;
  label: string;
  onCancelled: (appointment: Appointment) => void;
}) => {
  const { t } = useTranslation();
  const cancel = useCancelAppointment();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <div>
        <Button ref={opener} appearance="secondary-action" onClick={() => setAsking(true)}>
          {t('appointments.mine.cancel')}
          <VisuallyHidden> {label}</VisuallyHidden>
        </Button>
      </div>
    );
  }
  return (
    <div className="gv-panel gv-stack gv-cancel-question">
      <p ref={question} tabIndex={-1} className="utrecht-paragraph gv-cancel-question__text">
        {t('appointments.mine.cancelQuestion', { what: label })}
      </p>
      {cancel.isError ? <QueryAlert error={cancel.error} /> : null}
      <p className="gv-button-row">
        <Button
          appearance="primary-action"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(appointment.id, { onSuccess: (cancelled) => onCancelled(cancelled) })}
        >
          {cancel.isPending ? t('appointments.mine.cancelling') : t('appointments.mine.cancelYes')}
        </Button>
        <Button appearance="secondary-action" disabled={cancel.isPending} onClick={() => setAsking(false)}>
          {t('appointments.mine.cancelNo')}
        </Button>
      </p>
    </div>
  );
};

/** One appointment as a card: what, when, where, its status, and for an upcoming one the agenda file and cancelling. */
const AppointmentCard = ({ appointment, onCancelled }: { appointment: Appointment; onCancelled?: (appointment: Appointment) => void }) => {
  const { t } = useTranslation();
  const when = useWhen();
  const { data: city } = useCity();
  const language = currentLanguage();
  const label = t('appointments.mine.label', { product: appointment.product.title, when: when(appointment) });
  const upcoming = onCancelled !== undefined;
  return (
    <li className="gv-case-card gv-appointment">
      <Heading level={3} appearance={4} className="gv-case-card__title">
        {appointment.product.title}
      </Heading>
      <AppointmentFacts
        appointment={appointment}
        status={
          <>
            <AppointmentStatusBadge appointment={appointment} />
            {appointment.cancelledAt
              ? ` ${t('appointments.mine.cancelledOn', { date: formatLocalDate(cityDateOf(appointment.cancelledAt), language, { dateStyle: 'long' }) })}`
              : null}
          </>
        }
      />
      {upcoming && appointment.status === 'booked' ? (
        <div className="gv-stack gv-appointment__actions">
          <p>
            <CalendarLink appointment={appointment} text={t('appointments.mine.toCalendar')} context={label} />
          </p>
          {appointment.cancellable ? (
            <CancelAppointment appointment={appointment} label={label} onCancelled={onCancelled} />
          ) : (
            <Paragraph className="gv-form-note">{t('appointments.mine.notCancellable', { phone: city?.contact.phone ?? '' })}</Paragraph>
          )}
        </div>
      ) : null}
    </li>
  );
};

/**
 * `/mijn-afspraken`: the resident's upcoming appointments (with the agenda file and cancelling) and
 * the earlier and cancelled ones. After a cancellation a message takes focus, as the card it was
 * on moves to the earlier list.
 */
export const MyAppointmentsPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('appointments.mine.title'));
  const mine = useMyAppointments();
  const when = useWhen();
  const [cancelled, setCancelled] = useState<Appointment | null>(null);
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (cancelled) message.current?.focus();
  }, [cancelled]);
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('appointments.mine.title')}</Heading>
        <Paragraph lead>{t('appointments.mine.intro')}</Paragraph>
        <p>
          <ButtonLink to="/afspraak" appearance="secondary-action">
            {t('appointments.mine.book')}
          </ButtonLink>
        </p>
      </div>
      {cancelled ? (
        <div ref={message} tabIndex={-1} className="gv-focus-target">
          <Alert type="ok">
            <Paragraph>{t('appointments.mine.cancelled', { product: cancelled.product.title, when: when(cancelled) })}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <QueryAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data ? (
        <>
          <section aria-labelledby="my-appointments-upcoming" className="gv-stack">
            <Heading level={2} id="my-appointments-upcoming">
              {t('appointments.mine.upcomingTitle', { count: mine.data.upcoming.length })}
            </Heading>
            {mine.data.upcoming.length === 0 ? (
              <Paragraph>
                {t('appointments.mine.upcomingEmpty')} <Link to="/afspraak">{t('appointments.mine.bookLink')}</Link>
              </Paragraph>
            ) : (
              <ul className="gv-case-cards">
                {mine.data.upcoming.map((appointment) => (
                  <AppointmentCard key={appointment.id} appointment={appointment} onCancelled={setCancelled} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="my-appointments-earlier" className="gv-stack">
            <Heading level={2} id="my-appointments-earlier">
              {t('appointments.mine.earlierTitle', { count: mine.data.earlier.length })}
            </Heading>
            {mine.data.earlier.length === 0 ? (
              <Paragraph>{t('appointments.mine.earlierEmpty')}</Paragraph>
            ) : (
              <ul className="gv-case-cards">
                {mine.data.earlier.map((appointment) => (
                  <AppointmentCard key={appointment.id} appointment={appointment} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
};
