import { useTranslation } from 'react-i18next';
import { Heading, Link, NavBar, NavBarItem, NavLink, Paragraph } from '../../ui/index.ts';
import { useStaffMenu } from './use-staff-menu.ts';

/** The workspace menu bar: the overview, one entry per team, then the tools the person may use. Nothing for a visitor. */
export const StaffNav = () => {
  const { t } = useTranslation();
  const { menu, teamLabel } = useStaffMenu();
  if (!menu.workspace && menu.tools.length === 0) return null;
  return (
    <NavBar label={t('staff.navLabel')} className="gv-nav">
      {menu.workspace ? (
        <NavBarItem>
          <NavLink to="/werk" end>
            {t('staff.nav.overview')}
          </NavLink>
        </NavBarItem>
      ) : null}
      {menu.teams.map(({ team, to }) => (
        <NavBarItem key={team}>
          <NavLink to={to}>{teamLabel(team)}</NavLink>
        </NavBarItem>
      ))}
      {menu.tools.map(({ tool, to }) => (
        <NavBarItem key={tool}>
          <NavLink to={to}>{t(`staff.nav.${tool}`)}</NavLink>
        </NavBarItem>
      ))}
    </NavBar>
  );
};

/** The overview's list of what the person may use: their teams, and their tools. */
export const WorkspaceLinks = () => {
  const { t } = useTranslation();
  const { menu, actor, partner, teamLabel } = useStaffMenu();
  return (
    <>
      {actor?.kind === 'staff' ? <Paragraph lead>{t('staff.overview.welcome', { name: actor.name })}</Paragraph> : null}
      {partner ? <Paragraph>{t('staff.overview.partner', { organisation: partner })}</Paragraph> : null}
      {partner === null ? (
        <section aria-labelledby="overview-teams" className="gv-stack">
          <Heading level={2} id="overview-teams">
            {t('staff.nav.teams')}
          </Heading>
          {menu.teams.length === 0 ? (
            <Paragraph>{t('staff.overview.noTeams')}</Paragraph>
          ) : (
            <ul className="gv-link-list">
              {menu.teams.map(({ team, to }) => (
                <li key={team}>
                  <Link to={to}>{teamLabel(team)}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {menu.tools.length > 0 ? (
        <section aria-labelledby="overview-tools" className="gv-stack">
          <Heading level={2} id="overview-tools">
            {t('staff.overview.toolsTitle')}
          </Heading>
          <ul className="gv-link-list">
            {menu.tools.map(({ tool, to }) => (
              <li key={tool}>
                <Link to={to}>{t(`staff.nav.${tool}`)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
};
