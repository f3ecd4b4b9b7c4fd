import { useEffect, useId, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/src/catalog/catalog.contract.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { ApiError } from '../../app/api.ts';
import { currentLanguage, i18n } from '../../app/i18n.ts';
import { Alert, Button, FormField, Heading, Paragraph, Select } from '../../ui/index.ts';
import { ProductArticle } from './ProductPage.tsx';

const languages: readonly Language[] = ['nl', 'fr', 'en'];

/**
 * The product page as residents would see it, for the form's current (unsaved) content, in the
 * language the editor picks: the server renders the same view as the public page
 * (POST /api/catalog/editor/preview) and the public page's components show it.
 */
export const ProductPreview = ({
  render,
}: {
  /** Asks the server for the view of the form's current content; rejects with the server's problem. */
  render: (lang: Language) => Promise<ProductView>;
}) => {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Language>(currentLanguage());
  const [view, setView] = useState<ProductView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const languageId = useId();
  // The preview speaks its own language, headings included, without switching the workspace's.
  const previewI18n = useMemo(() => i18n.cloneInstance({ lng: lang, initAsync: false }), [lang]);

  const refresh = async (language: Language) => {
    setBusy(true);
    try {
      setView(await render(language));
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'validation-failed' ? t('catalogEditor.preview.invalid') : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the preview follows its language; content changes wait for the button.
  useEffect(() => {
    void refresh(lang);
  }, [lang]);

  return (
    <section className="gv-editor-preview" aria-labelledby="editor-preview-title">
      <Heading level={2} id="editor-preview-title">
        {t('catalogEditor.preview.title')}
      </Heading>
      <Paragraph>{t('catalogEditor.preview.intro')}</Paragraph>
      <div className="gv-editor-preview__tools">
        <FormField id={languageId} label={t('catalogEditor.preview.language')}>
          <Select id={languageId} value={lang} onChange={(event) => setLang(event.target.value as Language)}>
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`catalogEditor.languages.${language}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <Button onClick={() => void refresh(lang)} disabled={busy}>
          {t('catalogEditor.preview.refresh')}
        </Button>
      </div>
      <p className="utrecht-paragraph gv-visually-hidden" role="status">
        {busy ? t('app.loading') : view ? t('catalogEditor.preview.updated') : ''}
      </p>
      {problem ? (
        <Alert type="warning">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {view ? (
        <div className="gv-editor-preview__page" lang={lang}>
          <I18nextProvider i18n={previewI18n}>
            <ProductArticle product={view} />
          </I18nextProvider>
        </div>
      ) : null}
    </section>
  );
};
