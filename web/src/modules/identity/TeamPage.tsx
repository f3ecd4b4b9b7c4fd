import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/page-title.ts';
import { Alert, Heading, Link, Paragraph } from '../../ui/index.ts';
import { useMe } from './identity.api.ts';
import { NoAccess } from './NoAccess.tsx';
import { useStaffMenu } from './use-staff-menu.ts';

/**
 * `/werk/teams/:team`: a team's page. Its work queue arrives with cases (issue 5); until then the
 * page says so rather than showing made-up work.
 */
export const TeamPage = () => {
  const { t } = useTranslation();
  const { team = '' } = useParams();
  const me = useMe();
  const { teamLabel } = useStaffMenu();
  const name = teamLabel(team);
  const mine = me.data?.teams.includes(team) ?? false;
  usePageTitle(mine ? name : t('identity.noAccess.title'));
  if (!mine) return <NoAccess home="/werk" />;
  return (
    <div className="gv-stack">
      <Heading level={1}>{name}</Heading>
      <Alert type="info">
        <Paragraph>{t('staff.team.queueSoon')}</Paragraph>
      </Alert>
      <p>
        <Link to="/werk">{t('identity.noAccess.toOverview')}</Link>
      </p>
    </div>
  );
};
