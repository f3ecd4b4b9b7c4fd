import { useTranslation } from 'react-i18next';
import { Alert, Heading, Link, Paragraph } from '../../ui/index.ts';
import { usePageTitle } from '../page-title.ts';

/** `/werk`: the workspace start page; cases, reports and appointments arrive with later issues. */
export const OverviewPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('staff.overview.title'));
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('staff.overview.title')}</Heading>
      <Paragraph lead>{t('staff.overview.intro')}</Paragraph>
      <Alert type="info">
        <Paragraph>{t('staff.overview.loginSoon')}</Paragraph>
      </Alert>
      <ul className="gv-link-list">
        <li>
          <Link to="/werk/mail">{t('staff.nav.mail')}</Link>
        </li>
      </ul>
    </div>
  );
};
