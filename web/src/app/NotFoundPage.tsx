import { useTranslation } from 'react-i18next';
import { ButtonLink, Heading, Paragraph } from '../ui/index.ts';
import { usePageTitle } from './page-title.ts';

/** Shown inside the surface's layout for any address the app does not know. */
export const NotFoundPage = ({ home = '/' }: { home?: string }) => {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph lead>{t('notFound.text')}</Paragraph>
      <p>
        <ButtonLink to={home} appearance="primary-action">
          {t('notFound.home')}
        </ButtonLink>
      </p>
    </div>
  );
};
