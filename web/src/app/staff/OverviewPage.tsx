import { useTranslation } from 'react-i18next';
import { WorkspaceLinks } from '../../modules/identity/index.ts';
import { Heading } from '../../ui/index.ts';
import { usePageTitle } from '../page-title.ts';

/** `/werk`: the workspace start page: the person's teams and the tools they may use. Work queues arrive with cases (issue 5). */
export const OverviewPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('staff.overview.title'));
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('staff.overview.title')}</Heading>
      <WorkspaceLinks />
    </div>
  );
};
