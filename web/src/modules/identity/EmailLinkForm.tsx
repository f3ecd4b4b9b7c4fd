import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { emailLinkRequestSchema } from '../../../../shared/src/identity/identity.contract.ts';
import { ApiError } from '../../app/api.ts';
import { applyServerErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, ErrorSummary, FormField, fieldIds, Heading, Paragraph, Textbox } from '../../ui/index.ts';
import { useEmailLink } from './identity.api.ts';

const emailSchema = emailLinkRequestSchema.pick({ email: true });
type EmailFormValues = { email: string };

const fieldId = 'login-email';

/**
 * "Geen eID of itsme?": asks for a one-time login link by e-mail. The confirmation is the same
 * for any address (the server never says whether an address is known), so it says "if".
 */
export const EmailLinkForm = ({ returnTo }: { returnTo: string | undefined }) => {
  const { t } = useTranslation();
  const request = useEmailLink();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useForm<EmailFormValues, unknown, { email: string }>({ ...formOptions, resolver: zodFormResolver(emailSchema), defaultValues: { email: '' } });
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const error = form.formState.errors.email?.message;

  // The form gives way to the confirmation; focus follows, so it is not lost on a removed button.
  useEffect(() => {
    if (sentTo) sentHeading.current?.focus();
  }, [sentTo]);

  const submit = form.handleSubmit(
    ({ email }) =>
      request.mutate(
        { email, returnTo, lang: currentLanguage() },
        {
          onSuccess: () => setSentTo(email),
          onError: (failure) => {
            if (applyServerErrors(failure, form.setError, (field) => field === 'email')) setAttempt((n) => n + 1);
          },
        },
      ),
    () => setAttempt((n) => n + 1),
  );

  // Field errors sit next to the field; anything else (too many links, no connection) above the form.
  const generalError = request.isError && !(request.error instanceof ApiError && request.error.fieldErrors.length > 0) ? request.error : null;

  return (
    <section aria-labelledby="login-email-title" className="gv-panel gv-login-option">
      <Heading level={2} id="login-email-title">
        {t('identity.login.emailTitle')}
      </Heading>
      <Paragraph>{t('identity.login.emailText')}</Paragraph>
      {sentTo ? (
        <Alert type="ok">
          <Heading level={3} ref={sentHeading} tabIndex={-1} className="gv-alert__heading">
            {t('identity.login.sentTitle')}
          </Heading>
          <Paragraph>{t('identity.login.sentText', { email: sentTo })}</Paragraph>
          <Paragraph>{t('identity.login.sentSpam')}</Paragraph>
          <Button
            appearance="secondary-action"
            onClick={() => {
              setSentTo(null);
              request.reset();
            }}
          >
            {t('identity.login.sendAgain')}
          </Button>
        </Alert>
      ) : (
        <form className="gv-form" noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary title={t('identity.form.errorTitle')} items={error ? [{ id: fieldId, message: error }] : []} attempt={attempt} headingLevel={3} />
          {generalError ? <QueryAlert error={generalError} /> : null}
          <FormField id={fieldId} label={t('identity.login.emailLabel')} description={t('identity.login.emailHint')} error={error}>
            <Textbox
              id={fieldId}
              type="email"
              autoComplete="email"
              spellCheck={false}
              invalid={Boolean(error)}
              describedBy={[fieldIds(fieldId).description, error && fieldIds(fieldId).error]}
              {...form.register('email')}
            />
          </FormField>
          <div>
            <Button type="submit" appearance="secondary-action" disabled={request.isPending}>
              {request.isPending ? t('identity.login.sending') : t('identity.login.emailButton')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
};
