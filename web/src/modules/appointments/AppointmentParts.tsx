import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/src/appointments/index.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { cx, Icon, StatusBadge, VisuallyHidden } from '../../ui/index.ts';
import { whenParts } from './appointment-display.rules.ts';

/** "maandag 7 december 2026 om 8.30", in the city's time zone and the reader's language. */
export const useWhen = () => {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (appointment: { start: string; end: string }): string => t('appointments.when', whenParts(appointment, language));
};

/**
 * Where an appointment stands, in words: booked and still to come, cancelled, or past. The colour
 * only repeats the word.
 */
export const AppointmentStatusBadge = ({ appointment, now = Date.now() }: { appointment: Pick<Appointment, 'status' | 'end'>; now?: number }) => {
  const { t } = useTranslation();
  if (appointment.status === 'cancelled') return <StatusBadge status="danger">{t('appointments.status.cancelled')}</StatusBadge>;
  if (Date.parse(appointment.end) < now) return <StatusBadge status="neutral">{t('appointments.status.past')}</StatusBadge>;
  return <StatusBadge status="success">{t('appointments.status.booked')}</StatusBadge>;
};

/**
 * The appointment as an iCalendar file, for the person's own agenda. A plain link: the browser
 * downloads it with the session cookie. `context` (which appointment) is read out after the visible
 * text, for a screen reader going through a list of links.
 */
export const CalendarLink = ({ appointment, text, context }: { appointment: Pick<Appointment, 'calendarUrl'>; text: string; context?: string }) => (
  <a className="utrecht-link utrecht-link--html-a gv-calendar-link" href={appointment.calendarUrl} download>
    <Icon name="calendar" />
    {text}
    {context ? <VisuallyHidden> {context}</VisuallyHidden> : null}
  </a>
);

/**
 * What an appointment is, as rows of a description list: what for (`withProduct`), when, where,
 * its `status` when given, and the person's own message.
 */
export const AppointmentFacts = ({
  appointment,
  withProduct = false,
  status,
  className,
}: {
  appointment: Pick<Appointment, 'product' | 'start' | 'end' | 'channel' | 'place' | 'note'>;
  withProduct?: boolean;
  status?: ReactNode;
  className?: string;
}) => {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <dl className={cx('gv-meta', className)}>
      {withProduct ? (
        <div>
          <dt>{t('appointments.field.product')}</dt>
          <dd>{appointment.product.title}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('appointments.field.when')}</dt>
        <dd>{when(appointment)}</dd>
      </div>
      <div>
        <dt>{t('appointments.field.place')}</dt>
        <dd>
          {t(`appointments.channel.${appointment.channel}`)}: {appointment.place}
        </dd>
      </div>
      {status ? (
        <div>
          <dt>{t('appointments.field.status')}</dt>
          <dd>{status}</dd>
        </div>
      ) : null}
      {appointment.note ? (
        <div>
          <dt>{t('appointments.field.note')}</dt>
          <dd className="gv-appointment__note">{appointment.note}</dd>
        </div>
      ) : null}
    </dl>
  );
};
