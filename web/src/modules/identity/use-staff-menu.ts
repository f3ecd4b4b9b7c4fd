import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { useMe } from './identity.api.ts';
import { organisationName, teamName } from './identity-display.rules.ts';
import { type StaffMenu, staffMenu } from './staff-menu.rules.ts';

const emptyMenu: StaffMenu = { workspace: false, teams: [], tools: [] };

/**
 * The workspace menu of the logged-in person with team and organisation names in the reader's
 * language (from the city profile). Empty until /api/me answers.
 */
export const useStaffMenu = () => {
  useTranslation();
  const me = useMe();
  const { data: city } = useCity();
  const language = currentLanguage();
  const menu = me.data ? staffMenu({ permissions: me.data.permissions, teams: me.data.teams, demo: me.data.login.demo }) : emptyMenu;
  const actor = me.data?.actor;
  return {
    menu,
    actor,
    /** The person's organisation when it is a partner (police zone, fire zone), else null. */
    partner: actor?.kind === 'staff' && actor.organisation !== 'city' ? organisationName(city, actor.organisation, language) : null,
    teamLabel: (team: string) => teamName(city, team, language),
  };
};
