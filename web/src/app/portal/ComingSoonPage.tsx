import { useTranslation } from 'react-i18next';
import { Alert, ButtonLink, Heading, Paragraph, StatusBadge } from '../../ui/index.ts';
import { usePageTitle } from '../page-title.ts';

const ComingSoon = ({ title, heading, text }: { title: string; heading: string; text: string }) => {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <div className="gv-stack">
      <Heading level={1}>
        {title} <StatusBadge status="warning">{t('app.comingSoon')}</StatusBadge>
      </Heading>
      <Alert type="info" heading={heading}>
        <Paragraph>{text}</Paragraph>
      </Alert>
      <p>
        <ButtonLink to="/" appearance="secondary-action">
          {t('portal.login.back')}
        </ButtonLink>
      </p>
    </div>
  );
};

/** `/afspraak`: placeholder until appointments exist. */
export const AppointmentSoonPage = () => {
  const { t } = useTranslation();
  return <ComingSoon title={t('portal.appointment.title')} heading={t('app.comingSoon')} text={t('portal.appointment.soon')} />;
};
