import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useCity } from '../../app/city.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Button, ButtonLink, Link, VisuallyHidden } from '../../ui/index.ts';
import { useLogout, useMe } from './identity.api.ts';
import { organisationName } from './identity-display.rules.ts';
import { type LoginSurface, loginPageHref, loginPagePath } from './login.rules.ts';
import './identity.css';

const LogoutButton = () => {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <>
      <Button appearance="secondary-action" className="gv-account__logout" onClick={() => logout.mutate()} disabled={logout.isPending || logout.isSuccess}>
        {t('identity.account.logout')}
      </Button>
      {logout.isError ? (
        <span className="gv-account__error" role="alert">
          {t('identity.account.logoutFailed')}
        </span>
      ) : null}
    </>
  );
};

/**
 * The header's account corner: "Aanmelden" for a visitor (remembering the page they are on), or
 * the person's name with "Mijn dossiers", "Mijn afspraken" and "Mijn gegevens" (residents) or
 * their organisation (staff), and "Afmelden".
 */
export const Account = ({ surface }: { surface: LoginSurface }) => {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const { data: city } = useCity();
  const actor = me.data?.actor;
  // Until /api/me answers nothing is shown, rather than a login button that then turns into a name.
  if (me.isPending) return null;
  if (!actor || actor.kind === 'anonymous') {
    if (location.pathname === loginPagePath[surface]) return null;
    return (
      <ButtonLink to={loginPageHref(surface, `${location.pathname}${location.search}`)} appearance="secondary-action" className="gv-header__login">
        {t('identity.account.login')}
      </ButtonLink>
    );
  }
  return (
    <div className="gv-account">
      <p className="gv-account__who">
        <VisuallyHidden>{t('identity.account.loggedInAs')} </VisuallyHidden>
        <span className="gv-account__name">{actor.name}</span>
        {actor.kind === 'staff' ? <span className="gv-account__organisation">{organisationName(city, actor.organisation, currentLanguage())}</span> : null}
      </p>
      {actor.kind === 'resident' && surface === 'portal' ? (
        <>
          <Link to="/mijn-dossiers" className="gv-account__link">
            {t('identity.account.myCases')}
          </Link>
          <Link to="/mijn-afspraken" className="gv-account__link">
            {t('identity.account.myAppointments')}
          </Link>
          <Link to="/mijn-gegevens" className="gv-account__link">
            {t('identity.account.myData')}
          </Link>
        </>
      ) : null}
      {actor.kind === 'staff' && surface === 'portal' ? (
        <Link to="/werk" className="gv-account__link">
          {t('identity.account.workspace')}
        </Link>
      ) : null}
      <LogoutButton />
    </div>
  );
};
