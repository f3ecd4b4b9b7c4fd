import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCity } from '../../app/city.ts';
import { localized } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Alert, ExternalButtonLink, Heading, Link, Paragraph } from '../../ui/index.ts';
import { EmailLinkForm } from './EmailLinkForm.tsx';
import { useMe } from './identity.api.ts';
import { LoginFailureAlert } from './LoginFailureAlert.tsx';
import { loginFailureKeys, loginFailureOf, oidcLoginHref, safeReturnTo } from './login.rules.ts';
import './identity.css';

/**
 * `/aanmelden`: eID or itsme (through the city's identity provider), or an e-mail link for who has
 * neither. `?fout=` explains why the last attempt failed; `?returnTo=` is where the person goes after.
 */
export const LoginPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const failure = loginFailureOf(params.get('fout'));
  const returnTo = safeReturnTo(params.get('returnTo'), 'portal');
  const me = useMe();
  const { data: city } = useCity();
  const title = t('identity.login.title');
  const cityName = city ? localized(city.name, currentLanguage()) : '';
  // The failure leads the document title, so a screen reader hears it first on arrival (WCAG 3.3.1).
  usePageTitle(failure ? `${t(loginFailureKeys(failure).title, { city: cityName })} - ${title}` : title);
  const actor = me.data?.actor;
  const login = me.data?.login;

  return (
    <div className="gv-stack">
      <Heading level={1}>{title}</Heading>
      {failure ? <LoginFailureAlert failure={failure} /> : null}
      {actor?.kind === 'resident' ? (
        <Alert type="info">
          <Paragraph>{t('identity.login.alreadyResident', { name: actor.name })}</Paragraph>
          <Link to="/mijn-gegevens">{t('identity.login.toMyData')}</Link>
        </Alert>
      ) : null}
      <Paragraph lead>{t('identity.login.intro')}</Paragraph>
      <div className="gv-login-options">
        <section aria-labelledby="login-eid-title" className="gv-panel gv-login-option gv-login-option--main">
          <Heading level={2} id="login-eid-title">
            {t('identity.login.eidTitle')}
          </Heading>
          <Paragraph>{t('identity.login.eidText')}</Paragraph>
          {login?.resident === false ? (
            <Paragraph>{t('identity.login.eidUnavailable')}</Paragraph>
          ) : (
            <p>
              <ExternalButtonLink href={oidcLoginHref('resident', { returnTo, language: currentLanguage() })} appearance="primary-action">
                {t('identity.login.eidButton')}
              </ExternalButtonLink>
            </p>
          )}
          {login?.demo ? <Paragraph className="gv-demo-note">{t('identity.login.demo')}</Paragraph> : null}
        </section>
        {login?.email === false ? null : <EmailLinkForm returnTo={returnTo} />}
      </div>
      {login?.demo && login.email ? (
        <Paragraph className="gv-demo-note">
          {t('identity.login.demoMail')} <Link to="/werk/mail">{t('identity.login.demoMailLink')}</Link>
        </Paragraph>
      ) : null}
    </div>
  );
};
