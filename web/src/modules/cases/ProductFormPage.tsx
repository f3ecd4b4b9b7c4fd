import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import type { CaseReceipt } from '../../../../shared/src/cases/cases.contract.ts';
import { anonymousSubmissionAllowed } from '../../../../shared/src/cases/index.ts';
import { localize } from '../../../../shared/src/forms/index.ts';
import { ApiError } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { ButtonLink, ExternalButtonLink, Heading, Link, Paragraph } from '../../ui/index.ts';
import { loginPageHref, oidcLoginHref, useMe } from '../identity/index.ts';
import { newUploadScope } from './attachments.api.ts';
import { type LoginNeed, loginNeed } from './case-display.rules.ts';
import { type ProductForm, useAskQuestion, useKnownProfile, useProductForm, useSubmitCase } from './cases.api.ts';
import { DraftRestored, DraftStatus } from './DraftParts.tsx';
import { FormRenderer } from './FormRenderer.tsx';
import { type AnswersValue, initialAnswers, knownPersonOf } from './form-renderer.rules.ts';
import { SubmissionConfirmation } from './SubmissionConfirmation.tsx';
import { useFormDraft } from './use-draft-autosave.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

/** Why the person cannot submit yet, and the login that lets them (coming back to this form after). */
const LoginFirst = ({
  need,
  product,
  slug,
  anonymous = false,
}: {
  need: Exclude<LoginNeed, 'none'>;
  product: ProductForm;
  slug: string;
  /** Anyone may send this form: the login is offered, the form follows below. */
  anonymous?: boolean;
}) => {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const strong = product.requiredPermission === 'requests:create';
  if (need === 'not-a-resident') {
    return (
      <div className="gv-panel gv-stack">
        <Paragraph>{t('cases.request.staffText')}</Paragraph>
        <p>
          <ButtonLink to={`/werk/aanvragen/${encodeURIComponent(slug)}`} appearance="primary-action">
            {t('cases.request.staffLink')}
          </ButtonLink>
        </p>
      </div>
    );
  }
  return (
    <div className="gv-panel gv-stack">
      <Heading level={2}>
        {t(anonymous ? 'cases.request.anonymousTitle' : need === 'login' ? 'cases.request.loginTitle' : 'cases.request.strongerTitle')}
      </Heading>
      <Paragraph>
        {t(
          anonymous
            ? 'cases.request.anonymousText'
            : need === 'stronger-login'
              ? 'cases.request.strongerText'
              : strong
                ? 'cases.request.loginStrongText'
                : 'cases.request.loginText',
        )}
      </Paragraph>
      <p className="gv-button-row">
        <ExternalButtonLink href={oidcLoginHref('resident', { returnTo: here, language: currentLanguage() })} appearance="primary-action">
          {t('cases.request.eidButton')}
        </ExternalButtonLink>
        {need === 'login' && !strong ? (
          <ButtonLink to={loginPageHref('portal', here)} appearance="secondary-action">
            {t('cases.request.otherLogin')}
          </ButtonLink>
        ) : null}
      </p>
    </div>
  );
};

const TitleBlock = ({ title, slug }: { title: string; slug: string }) => {
  const { t } = useTranslation();
  return (
    <div className="gv-stack">
      <Heading level={1}>{title}</Heading>
      <p>
        <Link to={`/producten/${encodeURIComponent(slug)}`}>{t('cases.request.aboutProduct')}</Link>
      </p>
    </div>
  );
};

/**
 * The form itself once the person may submit, prefilled with what "Mijn gegevens" knows, or with
 * the answers they saved before (a draft on the server, "start over" throws it away). Answers are
 * saved as they type; the submission removes the draft. After sending, the confirmation takes the
 * page's place.
 */
const RequestForm = ({ product, slug, title }: { product: ProductForm; slug: string; title: string }) => {
  const { t } = useTranslation();
  const me = useMe();
  const profile = useKnownProfile(true);
  const { draft, autosave, removing, startOver, send } = useFormDraft('portal', slug);
  const submit = useSubmitCase();
  const key = useIdempotencyKey();
  const [receipt, setReceipt] = useState<CaseReceipt | null>(null);
  // A new form (new key) after "start over", with the known data only.
  const [restart, setRestart] = useState(0);
  const formStart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (restart > 0) formStart.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [restart]);
  if (receipt) return <SubmissionConfirmation receipt={receipt} family={product.family} audience="resident" kind="request" />;
  // The form's starting values are fixed when it appears: wait for what is known (a failure just means no prefill, or no draft).
  if (profile.isPending || draft.isPending) return <Loading />;
  const loginEmail = me.data?.actor.kind === 'resident' ? me.data.actor.email : null;
  const known = initialAnswers(product.form, knownPersonOf(profile.data, loginEmail));
  const restored = restart === 0 ? (draft.data ?? null) : null;
  return (
    <>
      <TitleBlock title={title} slug={slug} />
      {restored ? (
        <DraftRestored
          title={t('cases.request.draft.restoredTitle')}
          text={t('cases.request.draft.restoredText')}
          busy={removing}
          onStartOver={() => void startOver(() => setRestart((n) => n + 1))}
        />
      ) : null}
      <div ref={formStart}>
        <FormRenderer
          key={restart}
          id="request"
          definition={product.form}
          initial={restored ? { ...known, ...(restored.answers as AnswersValue) } : known}
          submitLabel={t('cases.request.submit')}
          onAnswersChange={autosave.onChange}
          footer={
            <>
              <Paragraph className="gv-form-note">{t('cases.request.privacy')}</Paragraph>
              <Paragraph className="gv-form-note">{t('cases.request.draft.note')}</Paragraph>
              <DraftStatus savedAt={autosave.savedAt ?? (restored && restart === 0 ? restored.updatedAt : null)} failed={autosave.failed} />
            </>
          }
          onSubmit={async ({ answers }) => {
            const result = await send(() => submit.mutateAsync({ product: slug, answers, idempotencyKey: key.current() }));
            key.renew();
            setReceipt(result);
          }}
        />
      </div>
    </>
  );
};

/**
 * The form of a product anyone may send (a report, anonymousSubmissionAllowed) for a visitor who
 * does not log in: sent through `POST /api/questions`, photos uploaded under the page's secret
 * scope, no draft (there is no account to keep it for). The confirmation gives the secret link.
 */
const AnonymousRequestForm = ({ product, slug, title }: { product: ProductForm; slug: string; title: string }) => {
  const { t } = useTranslation();
  const ask = useAskQuestion();
  const key = useIdempotencyKey();
  const [uploadScope] = useState(newUploadScope);
  const [receipt, setReceipt] = useState<CaseReceipt | null>(null);
  if (receipt) return <SubmissionConfirmation receipt={receipt} family={product.family} audience="anonymous" kind="request" />;
  return (
    <>
      <TitleBlock title={title} slug={slug} />
      <LoginFirst need="login" product={product} slug={slug} anonymous />
      <FormRenderer
        id="request"
        definition={product.form}
        initial={initialAnswers(product.form)}
        submitLabel={t('cases.request.submit')}
        uploadScope={uploadScope}
        footer={<Paragraph className="gv-form-note">{t('cases.request.privacy')}</Paragraph>}
        onSubmit={async ({ answers }) => {
          const result = await ask.mutateAsync({ product: slug, answers, idempotencyKey: key.current(), channel: 'online', uploadScope });
          key.renew();
          setReceipt(result);
        }}
      />
    </>
  );
};

/**
 * `/aanvragen/:slug`: the online form of a product. A visitor (or someone whose login is not
 * strong enough for this product) is told why and offered the login that brings them back here.
 */
export const ProductFormPage = () => {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const product = useProductForm(slug, slug !== 'vraag');
  const me = useMe();
  const title = product.data ? localize(product.data.form.title, currentLanguage()) : t('cases.request.title');
  usePageTitle(title);
  // The general question has its own page: anyone may ask, with or without a login.
  if (slug === 'vraag') return <Navigate to="/vraag" replace />;
  if (product.isPending || me.isPending) return <Loading />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage />;
    return <QueryAlert error={product.error} onRetry={() => void product.refetch()} />;
  }
  if (me.isError) return <QueryAlert error={me.error} onRetry={() => void me.refetch()} />;
  const need = loginNeed(product.data.requiredPermission, me.data);
  // A report anyone may make: a visitor sends it without logging in (the login is offered first).
  const anonymous = need === 'login' && anonymousSubmissionAllowed(slug, product.data.family, product.data.form);
  return (
    <div className="gv-stack gv-stack--loose">
      {need === 'none' ? (
        <RequestForm product={product.data} slug={slug} title={title} />
      ) : anonymous ? (
        <AnonymousRequestForm product={product.data} slug={slug} title={title} />
      ) : (
        <>
          <TitleBlock title={title} slug={slug} />
          <LoginFirst need={need} product={product.data} slug={slug} />
        </>
      )}
    </div>
  );
};
