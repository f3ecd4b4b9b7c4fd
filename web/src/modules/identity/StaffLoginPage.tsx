import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Alert, ExternalButtonLink, Heading, Link, Paragraph } from '../../ui/index.ts';
import { useMe } from './identity.api.ts';
import { LoginFailureAlert } from './LoginFailureAlert.tsx';
import { loginFailureKeys, loginFailureOf, oidcLoginHref, safeReturnTo } from './login.rules.ts';
import './identity.css';

/** `/werk/aanmelden`: staff and partners log in through the city's identity provider (Entra ID, or the demo one). */
export const StaffLoginPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const failure = loginFailureOf(params.get('fout'));
  const returnTo = safeReturnTo(params.get('returnTo'), 'werk');
  const me = useMe();
  const title = t('identity.staffLogin.title');
  usePageTitle(failure ? `${t(loginFailureKeys(failure).title, { city: '' })} - ${title}` : title);
  const actor = me.data?.actor;
  const login = me.data?.login;
  const inWorkspace = me.data?.permissions.includes('workspace:use') ?? false;

  return (
    <div className="gv-stack">
      <Heading level={1}>{title}</Heading>
      {failure ? <LoginFailureAlert failure={failure} /> : null}
      {actor?.kind === 'resident' ? (
        <Alert type="info">
          <Paragraph>{t('identity.staffLogin.resident', { name: actor.name })}</Paragraph>
        </Alert>
      ) : null}
      {actor?.kind === 'staff' && inWorkspace ? (
        <Alert type="info">
          <Paragraph>{t('identity.staffLogin.already', { name: actor.name })}</Paragraph>
          <Link to={returnTo ?? '/werk'}>{t('identity.staffLogin.toWorkspace')}</Link>
        </Alert>
      ) : null}
      <Paragraph lead>{t('identity.staffLogin.intro')}</Paragraph>
      {login?.staff === false ? (
        <Paragraph>{t('identity.staffLogin.unavailable')}</Paragraph>
      ) : (
        <p>
          <ExternalButtonLink href={oidcLoginHref('staff', { returnTo, language: currentLanguage() })} appearance="primary-action">
            {t('identity.staffLogin.button')}
          </ExternalButtonLink>
        </p>
      )}
      {login?.demo ? <Paragraph className="gv-demo-note">{t('identity.staffLogin.demo')}</Paragraph> : null}
    </div>
  );
};
