import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { Account, StaffNav, useMe } from '../../modules/identity/index.ts';
import { PageBody, PageHeader, SkipLink, StatusBadge } from '../../ui/index.ts';
import { CityBrand } from '../CityBrand.tsx';
import { CityFooter } from '../CityFooter.tsx';
import { useFocusOnNavigate } from '../focus-on-navigate.ts';
import { LanguageSwitch } from '../LanguageSwitch.tsx';

/**
 * The staff workspace: same banner as the portal with the person's name and organisation, and the
 * workspace menu with only what the person may use (their teams and tools).
 */
export const StaffLayout = () => {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const me = useMe();
  useFocusOnNavigate(main);
  return (
    <div className="gv-page gv-page--staff">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader>
        <div className="gv-header">
          <CityBrand to="/werk" siteName={t('staff.title')} />
          <div className="gv-header__tools">
            {me.data?.login.demo ? <StatusBadge status="neutral">{t('app.demoBadge')}</StatusBadge> : null}
            <LanguageSwitch />
            <Account surface="werk" />
          </div>
        </div>
      </PageHeader>
      <StaffNav />
      <PageBody ref={main}>
        <Outlet />
      </PageBody>
      <CityFooter />
      <ScrollRestoration />
    </div>
  );
};
