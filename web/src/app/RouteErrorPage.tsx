import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Heading, PageBody } from '../ui/index.ts';
import { QueryAlert } from './QueryAlert.tsx';

/** Last resort when a page crashes: still a page with a main landmark and a heading, and a way back. */
export const RouteErrorPage = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <PageBody>
      <div className="gv-stack">
        <Heading level={1}>{t('errors.title')}</Heading>
        <QueryAlert error={error} onRetry={() => window.location.reload()} />
        <p>
          <a className="utrecht-link utrecht-link--html-a" href="/">
            {t('notFound.home')}
          </a>
        </p>
      </div>
    </PageBody>
  );
};
