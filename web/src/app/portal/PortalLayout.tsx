import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { Account } from '../../modules/identity/index.ts';
import { PageBody, PageHeader, SkipLink } from '../../ui/index.ts';
import { CityBrand } from '../CityBrand.tsx';
import { CityFooter } from '../CityFooter.tsx';
import { useFocusOnNavigate } from '../focus-on-navigate.ts';
import { LanguageSwitch } from '../LanguageSwitch.tsx';

/** The resident portal: banner with logo, language and the account corner (login, or name and logout), the page, and the city's contact footer. */
export const PortalLayout = () => {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  return (
    <div className="gv-page">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader>
        <div className="gv-header">
          <CityBrand to="/" siteName={t('app.portalName')} />
          <div className="gv-header__tools">
            <LanguageSwitch />
            <Account surface="portal" />
          </div>
        </div>
      </PageHeader>
      <PageBody ref={main}>
        <Outlet />
      </PageBody>
      <CityFooter />
      <ScrollRestoration />
    </div>
  );
};
