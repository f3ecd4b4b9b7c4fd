import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { emailLoginRequestSchema } from '../../../../shared/src/identity/identity.contract.ts';
import { ApiError } from '../../app/api.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Button, ButtonLink, Heading, Paragraph } from '../../ui/index.ts';
import { useEmailLogin } from './identity.api.ts';
import { LoginFailureAlert } from './LoginFailureAlert.tsx';

/**
 * `/aanmelden/e-mail?token=`: the page an e-mail login link opens. It logs in only on a click:
 * mail scanners open links on their own, and must not use up the link or start a session.
 */
export const EmailLoginPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('identity.emailLogin.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useEmailLogin();
  const token = params.get('token') ?? '';
  const invalid = !emailLoginRequestSchema.safeParse({ token }).success || (login.error instanceof ApiError && login.error.status === 400);

  const logIn = () =>
    login.mutate(token, {
      onSuccess: ({ redirectTo }) => {
        // The server only answers paths of this site; anything else would be a full navigation.
        if (redirectTo.startsWith('/') && !redirectTo.startsWith('//')) void navigate(redirectTo, { replace: true });
        else window.location.assign(redirectTo);
      },
    });

  return (
    <div className="gv-stack">
      <Heading level={1}>{t('identity.emailLogin.title')}</Heading>
      {invalid ? (
        <>
          <LoginFailureAlert failure="email-link-invalid" />
          <p>
            <ButtonLink to="/aanmelden" appearance="primary-action">
              {t('identity.emailLogin.newLink')}
            </ButtonLink>
          </p>
        </>
      ) : (
        <>
          <Paragraph lead>{t('identity.emailLogin.text')}</Paragraph>
          {login.isError ? <QueryAlert error={login.error} /> : null}
          <div>
            <Button appearance="primary-action" onClick={logIn} disabled={login.isPending || login.isSuccess}>
              {login.isPending || login.isSuccess ? t('identity.emailLogin.busy') : t('identity.emailLogin.button')}
            </Button>
          </div>
          <Paragraph className="gv-muted">{t('identity.emailLogin.why')}</Paragraph>
        </>
      )}
    </div>
  );
};
