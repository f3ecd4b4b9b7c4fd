import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { NavBar, NavBarItem, NavLink, PageBody, PageHeader, SkipLink, StatusBadge } from '../../ui/index.ts';
import { CityBrand } from '../CityBrand.tsx';
import { CityFooter } from '../CityFooter.tsx';
import { useFocusOnNavigate } from '../focus-on-navigate.ts';
import { LanguageSwitch } from '../LanguageSwitch.tsx';

/** The staff workspace: same banner as the portal plus the workspace menu. Login comes with issue 3. */
export const StaffLayout = () => {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  return (
    <div className="gv-page gv-page--staff">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader>
        <div className="gv-header">
          <CityBrand to="/werk" siteName={t('staff.title')} />
          <div className="gv-header__tools">
            <StatusBadge status="neutral">{t('app.demoBadge')}</StatusBadge>
            <LanguageSwitch />
          </div>
        </div>
      </PageHeader>
      <NavBar label={t('staff.navLabel')} className="gv-nav">
        <NavBarItem>
          <NavLink to="/werk" end>
            {t('staff.nav.overview')}
          </NavLink>
        </NavBarItem>
        <NavBarItem>
          <NavLink to="/werk/mail">{t('staff.nav.mail')}</NavLink>
        </NavBarItem>
      </NavBar>
      <PageBody ref={main}>
        <Outlet />
      </PageBody>
      <CityFooter />
      <ScrollRestoration />
    </div>
  );
};
