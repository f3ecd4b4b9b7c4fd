import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { ExternalButtonLink, Heading, Paragraph } from '../../ui/index.ts';
import { DataAccessSection } from './DataAccessSection.tsx';
import { useMe, useProfile } from './identity.api.ts';
import { oidcLoginHref } from './login.rules.ts';
import { PreferencesForm } from './PreferencesForm.tsx';
import { RegisterFile } from './RegisterFile.tsx';
import './identity.css';

/**
 * `/mijn-gegevens` (residents only, see ResidentOnly): the register's data about the resident,
 * their preferences, and who looked at their data. An e-mail login sees no register data: an
 * address proves nothing about who someone is.
 */
export const MyDataPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('identity.myData.title'));
  const me = useMe();
  const actor = me.data?.actor;
  const profile = useProfile(actor?.kind === 'resident');
  const hasRegisterFile = actor?.kind === 'resident' && actor.hasRegisterFile;

  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('identity.myData.title')}</Heading>
        <Paragraph lead>{t('identity.myData.intro')}</Paragraph>
        <nav aria-label={t('identity.myData.onThisPage')}>
          <ul className="gv-link-list">
            <li>
              <a className="utrecht-link utrecht-link--html-a" href="#register-title">
                {t('identity.register.title')}
              </a>
            </li>
            <li>
              <a className="utrecht-link utrecht-link--html-a" href="#preferences-title">
                {t('identity.preferences.title')}
              </a>
            </li>
            <li>
              <a className="utrecht-link utrecht-link--html-a" href="#data-access-title">
                {t('identity.dataAccess.title')}
              </a>
            </li>
          </ul>
        </nav>
      </div>

      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <QueryAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}

      <section aria-labelledby="register-title" className="gv-stack">
        <Heading level={2} id="register-title">
          {t('identity.register.title')}
        </Heading>
        {profile.data?.person ? (
          <>
            <Paragraph>{t('identity.register.intro')}</Paragraph>
            <RegisterFile
              person={profile.data.person}
              household={profile.data.household}
              addressHistory={profile.data.addressHistory}
              reader="self"
              headingLevel={2}
              idPrefix="my-file"
            />
          </>
        ) : null}
        {profile.data && !profile.data.person ? (
          hasRegisterFile ? (
            <Paragraph>{t('identity.register.none')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('identity.register.emailLogin')}</Paragraph>
              {me.data?.login.resident ? (
                <p>
                  <ExternalButtonLink
                    href={oidcLoginHref('resident', { returnTo: '/mijn-gegevens', language: currentLanguage() })}
                    appearance="secondary-action"
                  >
                    {t('identity.login.eidButton')}
                  </ExternalButtonLink>
                </p>
              ) : null}
            </>
          )
        ) : null}
      </section>

      <section aria-labelledby="preferences-title" className="gv-stack">
        <Heading level={2} id="preferences-title">
          {t('identity.preferences.title')}
        </Heading>
        <Paragraph>{t('identity.preferences.intro')}</Paragraph>
        {profile.data ? <PreferencesForm preferences={profile.data.preferences} /> : null}
      </section>

      <DataAccessSection hasRegisterFile={hasRegisterFile} />
    </div>
  );
};
