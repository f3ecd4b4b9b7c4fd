import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/src/appointments/index.ts';
import { ButtonLink, Heading, Paragraph } from '../../ui/index.ts';
import { AppointmentFacts, CalendarLink } from './AppointmentParts.tsx';

/**
 * What the booking page shows once the appointment is booked: what, when and where, the file for
 * the person's agenda and the way to "Mijn afspraken". The heading takes focus, so a screen reader
 * starts reading here.
 */
export const AppointmentConfirmation = ({ appointment }: { appointment: Appointment }) => {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1} ref={heading} tabIndex={-1}>
          {t('appointments.confirmation.title')}
        </Heading>
        <Paragraph lead>{t('appointments.confirmation.intro')}</Paragraph>
      </div>
      <AppointmentFacts appointment={appointment} withProduct className="gv-meta--stacked gv-panel" />
      <Paragraph>{t(appointment.channel === 'home' ? 'appointments.confirmation.bringHome' : 'appointments.confirmation.bring')}</Paragraph>
      <p className="gv-confirmation-actions">
        <CalendarLink appointment={appointment} text={t('appointments.confirmation.addToCalendar')} />
        <ButtonLink to="/mijn-afspraken" appearance="secondary-action">
          {t('appointments.confirmation.toMine')}
        </ButtonLink>
      </p>
    </div>
  );
};
