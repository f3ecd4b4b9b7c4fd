import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PersonFileResponse, personLookupRequestSchema } from '../../../../shared/src/identity/identity.contract.ts';
import { ApiError } from '../../app/api.ts';
import { applyServerErrors, fieldDomId, flattenFieldErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, ErrorSummary, FormField, fieldIds, Heading, Paragraph, Textbox } from '../../ui/index.ts';
import { usePersonLookup } from './identity.api.ts';
import { RegisterFile } from './RegisterFile.tsx';
import './identity.css';

type LookupFormValues = { nationalNumber: string; purpose: string };
type LookupRequest = { nationalNumber: string; purpose: string };

const formId = 'lookup';
const fields = ['nationalNumber', 'purpose'] as const;

const PersonFile = ({ file }: { file: PersonFileResponse }) => {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The file appears below the form; focus goes to it, as to a new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for each person opened.
  useEffect(() => heading.current?.focus(), [file.person.id]);
  return (
    <section aria-labelledby="person-file-title" className="gv-panel gv-stack">
      <Heading level={2} id="person-file-title" ref={heading} tabIndex={-1}>
        {t('identity.persons.fileTitle', { name: `${file.person.givenName} ${file.person.familyName}` })}
      </Heading>
      <RegisterFile person={file.person} household={file.household} addressHistory={file.addressHistory} reader="staff" headingLevel={2} idPrefix="person" />
    </section>
  );
};

/**
 * `/werk/personen` (register:read): open a person's file by national register number, always with
 * a purpose. The server writes every look-up to the audit log, and the resident sees it.
 */
export const PersonLookupPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('identity.persons.title'));
  const lookup = usePersonLookup();
  const [attempt, setAttempt] = useState(0);
  const form = useForm<LookupFormValues, unknown, LookupRequest>({
    ...formOptions,
    resolver: zodFormResolver(personLookupRequestSchema),
    defaultValues: { nationalNumber: '', purpose: '' },
  });
  const { errors } = form.formState;
  const summary = flattenFieldErrors(errors, fields).map((item) => ({ id: fieldDomId(formId, item.path), message: item.message }));

  const submit = form.handleSubmit(
    (values) =>
      lookup.mutate(values, {
        onError: (failure) => {
          if (applyServerErrors(failure, form.setError, (field) => (fields as readonly string[]).includes(field))) setAttempt((n) => n + 1);
        },
      }),
    () => {
      lookup.reset();
      setAttempt((n) => n + 1);
    },
  );

  const numberId = fieldDomId(formId, 'nationalNumber');
  const purposeId = fieldDomId(formId, 'purpose');
  const generalError = lookup.isError && !(lookup.error instanceof ApiError && lookup.error.fieldErrors.length > 0) ? lookup.error : null;

  return (
    <div className="gv-stack">
      <Heading level={1}>{t('identity.persons.title')}</Heading>
      <Paragraph lead>{t('identity.persons.intro')}</Paragraph>
      <form className="gv-form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary title={t('identity.form.errorTitle')} items={summary} attempt={attempt} />
        {generalError ? <QueryAlert error={generalError} /> : null}
        <FormField id={numberId} label={t('identity.persons.number')} description={t('identity.persons.numberHint')} error={errors.nationalNumber?.message}>
          <Textbox
            id={numberId}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="gv-number"
            invalid={Boolean(errors.nationalNumber)}
            describedBy={[fieldIds(numberId).description, errors.nationalNumber && fieldIds(numberId).error]}
            {...form.register('nationalNumber')}
          />
        </FormField>
        <FormField id={purposeId} label={t('identity.persons.purpose')} description={t('identity.persons.purposeHint')} error={errors.purpose?.message}>
          <Textbox
            id={purposeId}
            autoComplete="off"
            maxLength={300}
            invalid={Boolean(errors.purpose)}
            describedBy={[fieldIds(purposeId).description, errors.purpose && fieldIds(purposeId).error]}
            {...form.register('purpose')}
          />
        </FormField>
        <Alert type="info">
          <Paragraph>{t('identity.persons.audited')}</Paragraph>
        </Alert>
        <div>
          <Button type="submit" appearance="primary-action" disabled={lookup.isPending}>
            {lookup.isPending ? t('identity.persons.busy') : t('identity.persons.button')}
          </Button>
        </div>
      </form>
      {lookup.data ? <PersonFile file={lookup.data} /> : null}
    </div>
  );
};
