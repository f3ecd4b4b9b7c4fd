import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title.ts';
import { Alert, Heading, Link, Paragraph } from '../../ui/index.ts';

/** A page the person may not open: said plainly, with the way back. Never a blank page or a silent redirect. */
export const NoAccess = ({ home }: { home: string }) => {
  const { t } = useTranslation();
  usePageTitle(t('identity.noAccess.title'));
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('identity.noAccess.title')}</Heading>
      <Alert type="warning">
        <Paragraph>{home === '/werk' ? t('identity.noAccess.staff') : t('identity.noAccess.portal')}</Paragraph>
      </Alert>
      <p>
        <Link to={home}>{home === '/werk' ? t('identity.noAccess.toOverview') : t('notFound.home')}</Link>
      </p>
    </div>
  );
};
