import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, type Resolver, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBlocker, useParams } from 'react-router';
import type { EditorProduct } from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import { type Product, type ProductInput, productSchema } from '../../../../shared/src/catalog/product.schema.ts';
import { catalogErrorMap } from '../../../../shared/src/catalog/product-editor.rules.ts';
import { ApiError } from '../../app/api.ts';
import { applyServerErrors, fieldDomId, flattenFieldErrors } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, ErrorSummary, Heading, Link, Paragraph, StatusBadge } from '../../ui/index.ts';
import { useEditorActions, useEditorProduct, useEditorProducts } from './catalog-editor.api.ts';
import { differsFromSaved, editorFieldOrder, editorFormId, errorTarget, fieldLabel, formatDateTime, normalizeProductDraft } from './catalog-editor.rules.ts';
import {
  ChannelsField,
  CheckboxField,
  ChoiceListField,
  LinesField,
  ListField,
  LocalizedFields,
  SelectField,
  TextField,
  TextListField,
  useCodeOptions,
} from './ProductEditorFields.tsx';
import { ProductPreview } from './ProductPreview.tsx';
import { ProductVersionHistory } from './ProductVersionHistory.tsx';
import './catalog-editor.css';

type Notice = { type: 'ok' | 'error'; text: string; detail?: string | undefined; conflict?: boolean };

const asFormValues = (product: EditorProduct): ProductInput => product.definition as unknown as ProductInput;

/** The editor for one product: the form, what to fix, publishing, the preview and the history. */
const ProductEditor = ({ product, reload }: { product: EditorProduct; reload: () => Promise<EditorProduct | undefined> }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const actions = useEditorActions(product.slug);
  const all = useEditorProducts({});
  const codes = useCodeOptions();
  const [notice, setNotice] = useState<Notice | null>(null);
  // Refusals by the server; with the form's own submit count it tells the error summary when to take focus.
  const [serverRefusals, setServerRefusals] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The shared product schema checks the form, with the catalogue's own wording in the reader's
  // language; the draft is first tidied the way the server would read it (empty optional fields absent).
  const resolver = useMemo<Resolver<ProductInput, unknown, Product>>(() => {
    const check = zodResolver(productSchema, { error: catalogErrorMap(language) });
    return (values, context, options) => check(normalizeProductDraft(values) as ProductInput, context, options);
  }, [language]);
  // The error summary takes focus after a refused save, not the first invalid field.
  const form = useForm<ProductInput, unknown, Product>({ defaultValues: asFormValues(product), resolver, mode: 'onSubmit', shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const isDirty = differsFromSaved(useWatch({ control: form.control }) as Record<string, unknown>, product.definition);
  const attempt = submitCount + serverRefusals;

  const show = (next: Notice) => {
    setNotice(next);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  /** A refused write: field errors go on their fields and into the summary; anything else is a notice. */
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'catalog-version-conflict') {
      show({ type: 'error', text: error.title, detail: error.detail, conflict: true });
      return;
    }
    const rest = applyServerErrors(error, form.setError, (field) => field !== '(root)');
    if (rest !== null) {
      setServerRefusals((count) => count + 1);
      if (rest.length > 0) show({ type: 'error', text: rest.join(' ') });
      return;
    }
    show({ type: 'error', text: error instanceof ApiError ? error.title : t('errors.generic') });
  };

  /** After a write the server's version becomes the form's starting point, so "unsaved changes" starts again from zero. */
  const saved = (next: EditorProduct, text: string) => {
    form.reset(asFormValues(next));
    show({ type: 'ok', text });
  };

  const submit = form.handleSubmit((definition) => {
    setNotice(null);
    actions.save.mutate(
      { definition, version: product.version },
      {
        onSuccess: (next) =>
          saved(next, next.version === product.version ? t('catalogEditor.notices.unchanged') : t('catalogEditor.notices.saved', { version: next.version })),
        onError: refused,
      },
    );
  });

  const togglePublished = () =>
    actions.publish.mutate(
      { published: !product.published, version: product.version },
      {
        onSuccess: (next) => saved(next, t(next.published ? 'catalogEditor.notices.published' : 'catalogEditor.notices.unpublished')),
        onError: refused,
      },
    );

  const restore = (version: number) => {
    if (!window.confirm(t(isDirty ? 'catalogEditor.history.confirmDirty' : 'catalogEditor.history.confirm', { version }))) return;
    actions.restore.mutate(
      { restore: version, version: product.version },
      { onSuccess: (next) => saved(next, t('catalogEditor.notices.restored', { version, next: next.version })), onError: refused },
    );
  };

  const openLatest = () => {
    // The newest version replaces the form's content: the notice told the editor this loses their changes.
    void reload().then((next) => {
      if (next) saved(next, t('catalogEditor.notices.reloaded', { version: next.version }));
    });
  };

  // Leaving with unsaved changes asks first: inside the app and when the tab is closed.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('catalogEditor.notices.leave'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const summary = flattenFieldErrors(errors, editorFieldOrder).map((item) => ({
    id: fieldDomId(editorFormId, errorTarget(item.path)),
    message: `${fieldLabel(item.path, (key) => t(key as never))}: ${item.message}`,
  }));
  const relatedOptions = (all.data?.items ?? [])
    .filter((item) => item.slug !== product.slug)
    .map((item) => ({ value: item.slug, label: item.title[language] }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const busy = actions.save.isPending || actions.publish.isPending || actions.restore.isPending;
  const title = (product.definition.title as Record<string, string> | undefined)?.[language] ?? product.slug;

  return (
    <div className="gv-stack gv-editor">
      <p className="utrecht-paragraph">
        <Link to="/werk/catalogus">{t('catalogEditor.edit.back')}</Link>
      </p>
      <Heading level={1}>{t('catalogEditor.edit.title', { title })}</Heading>
      <dl className="gv-meta">
        <div>
          <dt>{t('catalogEditor.fields.slug')}</dt>
          <dd>{product.slug}</dd>
        </div>
        <div>
          <dt>{t('catalogEditor.list.status')}</dt>
          <dd>
            <StatusBadge status={product.published ? 'success' : 'neutral'}>
              {t(product.published ? 'catalogEditor.status.published' : 'catalogEditor.status.unpublished')}
            </StatusBadge>
          </dd>
        </div>
        <div>
          <dt>{t('catalogEditor.history.version')}</dt>
          <dd>
            {t('catalogEditor.edit.version', {
              version: product.version,
              date: formatDateTime(product.updatedAt, language),
              who: product.updatedBy.kind === 'sync' ? t('catalogEditor.history.sync') : product.updatedBy.name,
            })}
          </dd>
        </div>
      </dl>
      <div className="gv-editor-actions">
        <Button appearance={product.published ? 'secondary-action' : 'primary-action'} onClick={togglePublished} disabled={busy || isDirty}>
          {t(product.published ? 'catalogEditor.edit.unpublish' : 'catalogEditor.edit.publish')}
        </Button>
        {product.published ? <Link to={`/producten/${product.slug}`}>{t('catalogEditor.edit.viewPublic')}</Link> : null}
      </div>
      {isDirty ? <Paragraph className="gv-editor-hint">{t('catalogEditor.edit.saveFirst')}</Paragraph> : null}

      <div ref={noticeRef} tabIndex={-1} className="gv-editor-notice">
        {notice ? (
          <Alert type={notice.type}>
            <Paragraph>{notice.text}</Paragraph>
            {notice.detail ? <Paragraph>{notice.detail}</Paragraph> : null}
            {notice.conflict ? (
              <>
                <Paragraph>{t('catalogEditor.notices.conflictHelp')}</Paragraph>
                <Button onClick={openLatest}>{t('catalogEditor.notices.reload')}</Button>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <div className="gv-editor-layout">
        <FormProvider {...form}>
          <form id={fieldDomId(editorFormId, 'root')} className="gv-stack gv-editor-form" noValidate onSubmit={(event) => void submit(event)} tabIndex={-1}>
            <ErrorSummary title={t('catalogEditor.form.summary', { count: summary.length })} items={summary} attempt={attempt} />

            <section className="gv-stack" aria-labelledby="editor-texts">
              <Heading level={2} id="editor-texts">
                {t('catalogEditor.form.texts')}
              </Heading>
              <LocalizedFields path="title" legend={t('catalogEditor.fields.title')} hint={t('catalogEditor.form.titleHint')} />
              <LocalizedFields path="shortAnswer" legend={t('catalogEditor.fields.shortAnswer')} hint={t('catalogEditor.form.shortAnswerHint')} multiline />
              <LocalizedFields path="description" legend={t('catalogEditor.fields.description')} multiline />
            </section>

            <section className="gv-stack" aria-labelledby="editor-search">
              <Heading level={2} id="editor-search">
                {t('catalogEditor.form.search')}
              </Heading>
              <Paragraph>{t('catalogEditor.form.keywordsHint')}</Paragraph>
              {(['nl', 'fr', 'en'] as const).map((lang) => (
                <LinesField
                  key={lang}
                  path={`keywords.${lang}`}
                  label={`${t('catalogEditor.fields.keywords')} (${t(`catalogEditor.languages.${lang}`)})`}
                  lang={lang}
                />
              ))}
            </section>

            <section className="gv-stack" aria-labelledby="editor-how">
              <Heading level={2} id="editor-how">
                {t('catalogEditor.form.how')}
              </Heading>
              <ChannelsField />
              <ListField
                path="costs"
                legend={t('catalogEditor.fields.costs')}
                itemLegend={(position) => t('catalogEditor.form.costItem', { position })}
                addLabel={t('catalogEditor.form.addCost')}
                empty={{ label: { nl: '', fr: '', en: '' }, amountEur: 0, example: false }}
              >
                {(path) => (
                  <>
                    <LocalizedFields path={`${path}.label`} legend={t('catalogEditor.fields.label')} />
                    <TextField path={`${path}.amountEur`} label={t('catalogEditor.fields.amountEur')} hint={t('catalogEditor.form.amountHint')} type="number" />
                    <SelectField
                      path={`${path}.channel`}
                      label={t('catalogEditor.fields.channel')}
                      empty={t('catalogEditor.form.allChannels')}
                      options={(['online', 'phone', 'counter', 'quickDesk', 'kiosk', 'home', 'partner'] as const).map((id) => ({
                        value: id,
                        label: t(`catalogEditor.channels.${id}`),
                      }))}
                    />
                    <CheckboxField path={`${path}.example`} label={t('catalogEditor.fields.example')} />
                  </>
                )}
              </ListField>
              <LocalizedFields path="processingTime.text" legend={t('catalogEditor.fields.processingTime')} multiline />
              <TextField
                path="processingTime.workingDays"
                label={t('catalogEditor.fields.workingDays')}
                hint={t('catalogEditor.form.optional')}
                type="number"
              />
              <TextListField
                path="requirements"
                legend={t('catalogEditor.fields.requirements')}
                itemLegend={t('catalogEditor.form.requirementItem')}
                addLabel={t('catalogEditor.form.addRequirement')}
              />
              <TextListField
                path="evidence"
                legend={t('catalogEditor.fields.evidence')}
                itemLegend={t('catalogEditor.form.evidenceItem')}
                addLabel={t('catalogEditor.form.addEvidence')}
              />
              <TextListField
                path="procedure"
                legend={t('catalogEditor.fields.procedure')}
                itemLegend={t('catalogEditor.form.procedureItem')}
                addLabel={t('catalogEditor.form.addProcedure')}
              />
            </section>

            <section className="gv-stack" aria-labelledby="editor-links">
              <Heading level={2} id="editor-links">
                {t('catalogEditor.form.links')}
              </Heading>
              <ListField
                path="legalBasis"
                legend={t('catalogEditor.fields.legalBasis')}
                itemLegend={(position) => t('catalogEditor.form.legalItem', { position })}
                addLabel={t('catalogEditor.form.addLegal')}
                empty={{ label: { nl: '', fr: '', en: '' }, url: '' }}
              >
                {(path) => (
                  <>
                    <LocalizedFields path={`${path}.label`} legend={t('catalogEditor.fields.label')} />
                    <TextField path={`${path}.url`} label={t('catalogEditor.fields.url')} hint={t('catalogEditor.form.urlHint')} type="url" />
                  </>
                )}
              </ListField>
              <ChoiceListField path="relatedProducts" legend={t('catalogEditor.fields.relatedProducts')} options={relatedOptions} />
            </section>

            <section className="gv-stack" aria-labelledby="editor-more">
              <Heading level={2} id="editor-more">
                {t('catalogEditor.form.more')}
              </Heading>
              <SelectField path="type" label={t('catalogEditor.fields.type')} options={codes.types} />
              <SelectField path="responsibleTeam" label={t('catalogEditor.fields.responsibleTeam')} options={codes.teams} />
              <ChoiceListField path="themes" legend={t('catalogEditor.fields.themes')} options={codes.themes} />
              <ChoiceListField path="targetAudiences" legend={t('catalogEditor.fields.targetAudiences')} options={codes.audiences} />
              <ChoiceListField path="lifeEvents" legend={t('catalogEditor.fields.lifeEvents')} options={codes.lifeEvents} />
              <ListField
                path="financialAdvantages"
                legend={t('catalogEditor.fields.financialAdvantages')}
                itemLegend={(position) => t('catalogEditor.form.advantageItem', { position })}
                addLabel={t('catalogEditor.form.addAdvantage')}
                empty={{ label: { nl: '', fr: '', en: '' }, example: false }}
              >
                {(path) => (
                  <>
                    <LocalizedFields path={`${path}.label`} legend={t('catalogEditor.fields.label')} />
                    <TextField path={`${path}.amountEur`} label={t('catalogEditor.fields.amountEur')} hint={t('catalogEditor.form.optional')} type="number" />
                    <CheckboxField path={`${path}.example`} label={t('catalogEditor.fields.example')} />
                  </>
                )}
              </ListField>
              <div className="gv-stack" id={fieldDomId(editorFormId, 'contactPoint')} tabIndex={-1}>
                <Heading level={3}>{t('catalogEditor.fields.contactPoint')}</Heading>
                <Paragraph>{t('catalogEditor.form.contactHint')}</Paragraph>
                <LocalizedFields path="contactPoint.label" legend={t('catalogEditor.fields.label')} hint={t('catalogEditor.form.optional')} />
                <TextField path="contactPoint.email" label={t('catalogEditor.fields.email')} type="email" hint={t('catalogEditor.form.optional')} />
                <TextField path="contactPoint.phone" label={t('catalogEditor.fields.phone')} type="tel" hint={t('catalogEditor.form.optional')} />
                <TextField path="contactPoint.url" label={t('catalogEditor.fields.url')} type="url" hint={t('catalogEditor.form.optional')} />
              </div>
              <CheckboxField path="exampleValues" label={t('catalogEditor.fields.exampleValues')} />
              <LinesField path="exampleNotes" label={t('catalogEditor.fields.exampleNotes')} hint={t('catalogEditor.form.exampleNotesHint')} lang="nl" />
            </section>

            <div className="gv-editor-submit">
              <Button type="submit" appearance="primary-action" disabled={busy}>
                {t('catalogEditor.form.save')}
              </Button>
            </div>
          </form>
        </FormProvider>

        <aside className="gv-stack gv-editor-aside" aria-label={t('catalogEditor.edit.aside')}>
          <ProductPreview
            render={(lang) => actions.preview.mutateAsync({ definition: normalizeProductDraft(form.getValues() as Record<string, unknown>), lang })}
          />
          <ProductVersionHistory slug={product.slug} current={product.version} onRestore={restore} restoring={busy} />
        </aside>
      </div>
    </div>
  );
};

/** `/werk/catalogus/:slug`: edit one product of the catalogue (permission `catalog:edit`). */
export const ProductEditorPage = () => {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const product = useEditorProduct(slug);
  usePageTitle(t('catalogEditor.edit.pageTitle', { slug }));
  if (product.isPending) return <Loading />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage home="/werk" />;
    return <QueryAlert error={product.error} onRetry={() => void product.refetch()} />;
  }
  return <ProductEditor product={product.data} reload={async () => (await product.refetch()).data} />;
};
