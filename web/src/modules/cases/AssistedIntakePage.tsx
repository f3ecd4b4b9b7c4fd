import { type FormEvent, useMemo, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { assistedChannelSchema, type CaseReceipt, kboNumberSchema } from '../../../../shared/src/cases/cases.contract.ts';
import { localize } from '../../../../shared/src/forms/index.ts';
import { ApiError } from '../../app/api.ts';
import { fieldDomId } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { languageNames, languages } from '../../app/language.rules.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, ButtonLink, Choice, Fieldset, FormField, fieldIds, Heading, Link, Paragraph, Select, Textbox } from '../../ui/index.ts';
import { formatDay } from './CaseParts.tsx';
import { useProductForm, useRequesterLookup, useSubmitAssisted } from './cases.api.ts';
import { DraftRestored, DraftStatus } from './DraftParts.tsx';
import { type FormExtra, FormRenderer } from './FormRenderer.tsx';
import { type AnswersValue, initialAnswers } from './form-renderer.rules.ts';
import { ProductSelect } from './ProductSelect.tsx';
import { TextArea } from './TextArea.tsx';
import { useFormDraft } from './use-draft-autosave.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

const formId = 'assisted';
const requesterKinds = ['person', 'contact', 'organisation'] as const;
const consentMethods = ['verbal', 'written', 'signed'] as const;

/** The purpose written to the audit log with the register look-up of the person an employee fills in a request for. */
const lookupPurpose = 'Aanvraag invullen voor de inwoner (begeleide aanvraag)';

type RequesterValues = { kind: string; nationalNumber: string; personId: string; personName: string; email: string; kbo: string; name: string };

const blank = (value: string) => value.trim() === '';

/**
 * The assisted-intake part of the form: who the request is for, the channel, the language and the
 * person's consent. Its schema turns the form's values into the API's shape and words each error.
 */
const useIntakeExtra = (): FormExtra => {
  const { t } = useTranslation();
  const lookup = useRequesterLookup();
  const base = useMemo<Omit<FormExtra, 'render'>>(() => {
    const requester = z
      .object({
        kind: z.string(),
        nationalNumber: z.string(),
        personId: z.string(),
        personName: z.string(),
        email: z.string().trim(),
        kbo: z.string().trim(),
        name: z.string().trim(),
      })
      .superRefine((value, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
        if (!(requesterKinds as readonly string[]).includes(value.kind)) issue('kind', t('cases.work.intake.kindRequired'));
        if (value.kind === 'person' && blank(value.personId)) issue('nationalNumber', t('cases.work.intake.lookupFirst'));
        if (!blank(value.email) && !z.email().safeParse(value.email).success) issue('email', t('cases.work.intake.emailInvalid'));
        if (value.kind === 'organisation') {
          if (!kboNumberSchema.safeParse(value.kbo).success) issue('kbo', t('cases.work.intake.kboInvalid'));
          if (blank(value.name)) issue('name', t('cases.work.intake.organisationRequired'));
        }
      })
      .transform((value) => {
        const email = blank(value.email) ? {} : { email: value.email };
        if (value.kind === 'person') return { kind: 'person' as const, personId: value.personId, ...email };
        if (value.kind === 'organisation') return { kind: 'organisation' as const, kbo: kboNumberSchema.parse(value.kbo), name: value.name, ...email };
        return { kind: 'contact' as const, ...email };
      });
    const consent = z
      .object({ given: z.boolean(), method: z.string(), note: z.string().trim().max(500) })
      .superRefine((value, ctx) => {
        if (value.given !== true) ctx.addIssue({ code: 'custom', path: ['given'], message: t('cases.work.intake.consentRequired') });
        if (!(consentMethods as readonly string[]).includes(value.method))
          ctx.addIssue({ code: 'custom', path: ['method'], message: t('cases.work.intake.consentMethodRequired') });
      })
      .transform((value) => ({
        given: true as const,
        method: value.method as (typeof consentMethods)[number],
        ...(blank(value.note) ? {} : { note: value.note }),
      }));
    return {
      shape: {
        requester,
        channel: assistedChannelSchema,
        consent,
        language: z.enum(['nl', 'fr', 'en']),
      },
      defaults: {
        requester: { kind: '', nationalNumber: '', personId: '', personName: '', email: '', kbo: '', name: '' } satisfies RequesterValues,
        channel: 'counter',
        consent: { given: false, method: '', note: '' },
        language: currentLanguage(),
      },
      messages: (_issue, path) => (path === 'channel' ? t('cases.work.intake.channelRequired') : undefined),
      target: (path) => {
        if (path === 'requester.kind') return fieldDomId(formId, 'requester.kind.0');
        if (path === 'consent.method') return fieldDomId(formId, 'consent.method.0');
        if (path === 'requester.personId') return fieldDomId(formId, 'requester.nationalNumber');
        return fieldDomId(formId, path);
      },
    };
  }, [t]);
  return { ...base, render: (form) => <IntakeFields form={form} lookup={lookup} /> };
};

// biome-ignore lint/suspicious/noExplicitAny: the renderer's values follow the form definition.
const IntakeFields = ({ form, lookup }: { form: UseFormReturn<Record<string, any>>; lookup: ReturnType<typeof useRequesterLookup> }) => {
  const { t } = useTranslation();
  const kind = form.watch('requester.kind') as string;
  const personName = form.watch('requester.personName') as string;
  const errors = form.formState.errors as Record<string, Record<string, { message?: string }> | { message?: string } | undefined>;
  const error = (path: string): string | undefined => {
    const [head = '', tail] = path.split('.');
    const node = errors[head] as Record<string, { message?: string }> | { message?: string } | undefined;
    if (!node) return undefined;
    return tail ? (node as Record<string, { message?: string }>)[tail]?.message : (node as { message?: string }).message;
  };
  const id = (path: string) => fieldDomId(formId, path);
  const text = (path: string, label: string, props: { type?: string; autoComplete?: string; inputMode?: 'numeric' } = {}, hint?: string) => (
    <FormField id={id(path)} label={label} description={hint} error={error(path)}>
      <Textbox
        id={id(path)}
        invalid={Boolean(error(path))}
        describedBy={[hint && fieldIds(id(path)).description, error(path) && fieldIds(id(path)).error]}
        {...props}
        {...form.register(path)}
      />
    </FormField>
  );
  const runLookup = () => {
    const nationalNumber = String(form.getValues('requester.nationalNumber') ?? '');
    form.clearErrors('requester.nationalNumber');
    lookup.mutate(
      { nationalNumber, purpose: lookupPurpose },
      {
        onSuccess: (file) => {
          form.setValue('requester.personId', file.person.id);
          form.setValue('requester.personName', `${file.person.givenName} ${file.person.familyName}`);
        },
        onError: (failure) => {
          form.setValue('requester.personId', '');
          form.setValue('requester.personName', '');
          const message = failure instanceof ApiError ? (failure.fieldError('nationalNumber') ?? failure.title) : t('errors.generic');
          form.setError('requester.nationalNumber', { type: 'lookup', message });
        },
      },
    );
  };
  return (
    <div className="gv-stack gv-intake">
      <Fieldset id={id('requester')} legend={t('cases.work.intake.requester')} error={error('requester.kind')}>
        {requesterKinds.map((option, index) => (
          <Choice
            key={option}
            id={id(`requester.kind.${index}`)}
            type="radio"
            value={option}
            label={t(`cases.work.intake.kind.${option}`)}
            invalid={Boolean(error('requester.kind'))}
            {...form.register('requester.kind')}
          />
        ))}
      </Fieldset>
      {kind === 'person' ? (
        <div className="gv-stack gv-intake__person">
          {text(
            'requester.nationalNumber',
            t('cases.work.intake.nationalNumber'),
            { inputMode: 'numeric', autoComplete: 'off' },
            t('cases.work.intake.nationalNumberHint'),
          )}
          <div>
            <Button appearance="secondary-action" disabled={lookup.isPending} onClick={runLookup}>
              {lookup.isPending ? t('cases.work.intake.looking') : t('cases.work.intake.lookup')}
            </Button>
          </div>
          {personName ? (
            <Alert type="ok">
              <Paragraph>{t('cases.work.intake.found', { name: personName })}</Paragraph>
            </Alert>
          ) : null}
        </div>
      ) : null}
      {kind === 'organisation' ? (
        <>
          {text('requester.kbo', t('cases.work.intake.kbo'), { inputMode: 'numeric', autoComplete: 'off' }, t('cases.work.intake.kboHint'))}
          {text('requester.name', t('cases.work.intake.organisation'), { autoComplete: 'organization' })}
        </>
      ) : null}
      {kind ? text('requester.email', t('cases.work.intake.email'), { type: 'email', autoComplete: 'off' }, t('cases.work.intake.emailHint')) : null}

      <FormField id={id('channel')} label={t('cases.work.intake.channel')} error={error('channel')}>
        <Select id={id('channel')} invalid={Boolean(error('channel'))} {...form.register('channel')}>
          {assistedChannelSchema.options.map((channel) => (
            <option key={channel} value={channel}>
              {t(`cases.channel.${channel}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id={id('language')} label={t('cases.work.intake.language')}>
        <Select id={id('language')} {...form.register('language')}>
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </Select>
      </FormField>

      <Fieldset id={id('consent')} legend={t('cases.work.intake.consent')} description={t('cases.work.intake.consentHint')}>
        {error('consent.given') ? (
          <div className="utrecht-form-field-error-message" id={fieldIds(id('consent.given')).error}>
            {error('consent.given')}
          </div>
        ) : null}
        <Choice
          id={id('consent.given')}
          type="checkbox"
          label={t('cases.work.intake.consentGiven')}
          invalid={Boolean(error('consent.given'))}
          describedBy={[error('consent.given') && fieldIds(id('consent.given')).error]}
          {...form.register('consent.given')}
        />
        <Fieldset id={id('consent.method')} legend={t('cases.work.intake.consentHow')} error={error('consent.method')}>
          {consentMethods.map((method, index) => (
            <Choice
              key={method}
              id={id(`consent.method.${index}`)}
              type="radio"
              value={method}
              label={t(`cases.work.intake.consentMethod.${method}`)}
              invalid={Boolean(error('consent.method'))}
              {...form.register('consent.method')}
            />
          ))}
        </Fieldset>
        <FormField id={id('consent.note')} label={t('cases.work.intake.consentNote')} error={error('consent.note')}>
          <TextArea id={id('consent.note')} rows={2} {...form.register('consent.note')} />
        </FormField>
      </Fieldset>
      <Heading level={2}>{t('cases.work.intake.questions')}</Heading>
    </div>
  );
};

const Done = ({ receipt, onAgain }: { receipt: CaseReceipt; onAgain: () => void }) => {
  const { t } = useTranslation();
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('cases.work.intake.doneTitle')}</Heading>
      <Alert type="ok">
        <Paragraph>{t('cases.work.intake.doneText', { reference: receipt.reference, owner: receipt.owner.name })}</Paragraph>
        <Paragraph>{t('cases.confirmation.due', { date: formatDay(receipt.dueDate, currentLanguage()) })}</Paragraph>
      </Alert>
      <p className="gv-button-row">
        <ButtonLink to={`/werk/dossiers/${receipt.id}`} appearance="primary-action">
          {t('cases.work.intake.openCase')}
        </ButtonLink>
        <Button appearance="secondary-action" onClick={onAgain}>
          {t('cases.work.intake.again')}
        </Button>
      </p>
    </div>
  );
};

/**
 * `/werk/aanvragen/:slug` (cases:work): an employee fills in a product's form for someone at the
 * desk, on the phone or at home: the same questions and checks as online, plus who it is for, the
 * channel and the person's consent. A certificate registered this way is made by a person.
 */
export const AssistedIntakePage = () => {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const product = useProductForm(slug);
  const submit = useSubmitAssisted();
  const key = useIdempotencyKey();
  const extra = useIntakeExtra();
  // The employee's unfinished answers to this product's questions (not who it is for, nor the consent).
  const { draft, autosave, removing, startOver, send } = useFormDraft('work', slug);
  const [receipt, setReceipt] = useState<CaseReceipt | null>(null);
  const [fill, setFill] = useState(0);
  const title = product.data ? t('cases.work.intake.titleFor', { title: localize(product.data.form.title, currentLanguage()) }) : t('cases.work.intake.title');
  usePageTitle(title);
  if (product.isPending || draft.isPending) return <Loading />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage home="/werk" />;
    return <QueryAlert error={product.error} onRetry={() => void product.refetch()} />;
  }
  const blank = initialAnswers(product.data.form);
  // Only the form as it first appears picks the draft up: after "start over" or another request, it starts empty.
  const restored = fill === 0 ? (draft.data ?? null) : null;
  if (receipt) {
    return (
      <Done
        receipt={receipt}
        onAgain={() => {
          setReceipt(null);
          autosave.reset();
          autosave.resume();
          setFill((n) => n + 1);
        }}
      />
    );
  }
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <p>
          <Link to="/werk/aanvragen">{t('cases.work.intake.otherProduct')}</Link>
        </p>
        <Heading level={1}>{title}</Heading>
        <Paragraph lead>{t('cases.work.intake.intro')}</Paragraph>
      </div>
      {restored ? (
        <DraftRestored
          title={t('cases.work.intake.draftRestoredTitle')}
          text={t('cases.work.intake.draftRestoredText')}
          busy={removing}
          onStartOver={() => void startOver(() => setFill((n) => n + 1))}
        />
      ) : null}
      <FormRenderer
        key={fill}
        id={formId}
        surface="staff"
        definition={product.data.form}
        initial={restored ? { ...blank, ...(restored.answers as AnswersValue) } : blank}
        extra={extra}
        submitLabel={t('cases.work.intake.submit')}
        onAnswersChange={autosave.onChange}
        footer={
          <>
            <Paragraph className="gv-form-note">{t('cases.work.intake.draftNote')}</Paragraph>
            <DraftStatus savedAt={autosave.savedAt ?? (restored ? restored.updatedAt : null)} failed={autosave.failed} />
          </>
        }
        onSubmit={async ({ answers, requester, channel, consent, language }) => {
          const result = await send(() =>
            submit.mutateAsync({ body: { product: slug, answers, requester, channel, consent, language }, idempotencyKey: key.current() }),
          );
          key.renew();
          setReceipt(result);
        }}
      />
    </div>
  );
};

/** `/werk/aanvragen`: pick the product to register a request for. */
export const AssistedIntakeStartPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | undefined>();
  usePageTitle(t('cases.work.intake.title'));
  const selectId = 'intake-product';
  const go = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const slug = new FormData(event.currentTarget).get('product');
    if (typeof slug !== 'string' || !slug) {
      setError(t('cases.work.intake.productRequired'));
      document.getElementById(selectId)?.focus();
      return;
    }
    void navigate(`/werk/aanvragen/${encodeURIComponent(slug)}`);
  };
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('cases.work.intake.title')}</Heading>
        <Paragraph lead>{t('cases.work.intake.startIntro')}</Paragraph>
      </div>
      <form className="gv-form" noValidate onSubmit={go}>
        <ProductSelect id={selectId} label={t('cases.work.intake.product')} error={error} onChange={() => setError(undefined)} />
        <div>
          <Button type="submit" appearance="primary-action">
            {t('cases.work.intake.start')}
          </Button>
        </div>
      </form>
    </div>
  );
};
