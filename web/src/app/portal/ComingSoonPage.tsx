import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, ButtonLink, Heading, Paragraph, StatusBadge } from '../../ui/index.ts';
import { usePageTitle } from '../page-title.ts';

const ComingSoon = ({ title, heading, text, extra }: { title: string; heading: string; text: string; extra?: string | undefined }) => {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <div className="gv-stack">
      <Heading level={1}>
        {title} <StatusBadge status="warning">{t('app.comingSoon')}</StatusBadge>
      </Heading>
      {extra ? <Paragraph>{extra}</Paragraph> : null}
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

/** `/aanmelden`: placeholder until resident login (issue 3). */
export const LoginSoonPage = () => {
  const { t } = useTranslation();
  return <ComingSoon title={t('portal.login.title')} heading={t('portal.login.soonTitle')} text={t('portal.login.soon')} />;
};

/** `/zoeken?q=`: placeholder until search exists; repeats what was asked, so the form visibly did something. */
export const SearchSoonPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q')?.trim();
  return (
    <ComingSoon
      title={t('portal.search.title')}
      heading={t('portal.search.soonTitle')}
      text={t('portal.search.soon')}
      extra={query ? t('portal.search.youSearched', { query }) : undefined}
    />
  );
};

/** `/afspraak`: placeholder until appointments exist. */
export const AppointmentSoonPage = () => {
  const { t } = useTranslation();
  return <ComingSoon title={t('portal.appointment.title')} heading={t('app.comingSoon')} text={t('portal.appointment.soon')} />;
};
