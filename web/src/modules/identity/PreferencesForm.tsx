import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contactChannelSchema, type Preferences, type ProfileResponse, preferencesSchema } from '../../../../shared/src/identity/identity.contract.ts';
import { ApiError } from '../../app/api.ts';
import { applyServerErrors, fieldDomId, flattenFieldErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { languageNames, languages } from '../../app/language.rules.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, Choice, ErrorSummary, Fieldset, FormField, fieldIds, Paragraph, Textbox } from '../../ui/index.ts';
import { useSavePreferences } from './identity.api.ts';

type Channel = Preferences['contactChannels'][number];

/** The form's own values: text fields hold '' where the API has null. */
type PreferencesFormValues = {
  preferredLanguage: Preferences['preferredLanguage'];
  contactChannels: Channel[];
  email: string;
  phone: string;
};

const formId = 'preferences';
const fields = ['preferredLanguage', 'contactChannels', 'email', 'phone'] as const;
const channels = contactChannelSchema.options;

const toFormValues = (preferences: ProfileResponse['preferences']): PreferencesFormValues => ({
  preferredLanguage: preferences.preferredLanguage,
  contactChannels: preferences.contactChannels,
  email: preferences.email ?? '',
  phone: preferences.phone ?? '',
});

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

const toPreferences = (values: PreferencesFormValues) => ({
  preferredLanguage: values.preferredLanguage,
  // One checked box of a group comes back as a string in some browsers' autofill; none as false.
  contactChannels: Array.isArray(values.contactChannels) ? values.contactChannels : values.contactChannels ? [values.contactChannels] : [],
  email: blankToNull(values.email),
  phone: blankToNull(values.phone),
});

/** The control a field's error summary line jumps to: the first choice of a group, else the field itself. */
const controlId = (path: string) =>
  path === 'preferredLanguage'
    ? `${formId}-language-${languages[0]}`
    : path === 'contactChannels'
      ? `${formId}-channel-${channels[0]}`
      : fieldDomId(formId, path);

/** "Voorkeuren": language and how the city may contact the resident, checked by the server's own schema. */
export const PreferencesForm = ({ preferences }: { preferences: ProfileResponse['preferences'] }) => {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const [attempt, setAttempt] = useState(0);
  const form = useForm<PreferencesFormValues, unknown, Preferences>({
    ...formOptions,
    resolver: zodFormResolver(preferencesSchema, { prepare: toPreferences }),
    defaultValues: toFormValues(preferences),
  });
  const { errors } = form.formState;
  const summary = flattenFieldErrors(errors, fields).map((item) => ({ id: controlId(item.path), message: item.message }));

  const submit = form.handleSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: (profile) => form.reset(toFormValues(profile.preferences)),
        onError: (failure) => {
          if (applyServerErrors(failure, form.setError, (field) => (fields as readonly string[]).includes(field))) setAttempt((n) => n + 1);
        },
      }),
    () => {
      save.reset();
      setAttempt((n) => n + 1);
    },
  );

  const generalError = save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length > 0) ? save.error : null;
  const emailId = fieldDomId(formId, 'email');
  const phoneId = fieldDomId(formId, 'phone');

  return (
    <form className="gv-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t('identity.form.errorTitle')} items={summary} attempt={attempt} headingLevel={3} />
      {generalError ? <QueryAlert error={generalError} /> : null}
      {save.isSuccess && !form.formState.isDirty ? (
        <Alert type="ok">
          <Paragraph>{t('identity.preferences.saved')}</Paragraph>
        </Alert>
      ) : null}

      <Fieldset id={`${formId}-preferredLanguage`} legend={t('identity.preferences.language')} error={errors.preferredLanguage?.message}>
        {languages.map((language) => (
          <Choice
            key={language}
            id={`${formId}-language-${language}`}
            type="radio"
            value={language}
            label={<span lang={language}>{languageNames[language]}</span>}
            {...form.register('preferredLanguage')}
          />
        ))}
      </Fieldset>

      <Fieldset
        id={`${formId}-contactChannels`}
        legend={t('identity.preferences.channels')}
        description={t('identity.preferences.channelsHint')}
        error={errors.contactChannels?.message}
      >
        {channels.map((channel) => (
          <Choice
            key={channel}
            id={`${formId}-channel-${channel}`}
            type="checkbox"
            value={channel}
            label={t(`identity.preferences.channel.${channel}`)}
            invalid={Boolean(errors.contactChannels)}
            {...form.register('contactChannels')}
          />
        ))}
      </Fieldset>

      <FormField id={emailId} label={t('identity.preferences.email')} error={errors.email?.message}>
        <Textbox
          id={emailId}
          type="email"
          autoComplete="email"
          spellCheck={false}
          invalid={Boolean(errors.email)}
          describedBy={[errors.email && fieldIds(emailId).error]}
          {...form.register('email')}
        />
      </FormField>

      <FormField id={phoneId} label={t('identity.preferences.phone')} description={t('identity.preferences.phoneHint')} error={errors.phone?.message}>
        <Textbox
          id={phoneId}
          type="tel"
          autoComplete="tel"
          invalid={Boolean(errors.phone)}
          describedBy={[fieldIds(phoneId).description, errors.phone && fieldIds(phoneId).error]}
          {...form.register('phone')}
        />
      </FormField>

      <div>
        <Button type="submit" appearance="primary-action" disabled={save.isPending}>
          {save.isPending ? t('identity.preferences.saving') : t('identity.preferences.save')}
        </Button>
      </div>
    </form>
  );
};
