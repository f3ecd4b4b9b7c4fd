import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.ts';
import { locales } from '../../app/language.rules.ts';
import { Button, Heading, Paragraph } from '../../ui/index.ts';

/** "Saved at 14:32" in the city's time zone, or why the answers could not be saved; a quiet status line. */
export const DraftStatus = ({ savedAt, failed }: { savedAt: string | null; failed: boolean }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const time = savedAt
    ? new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' }).format(new Date(savedAt))
    : null;
  return (
    <p className="gv-form-note" role="status">
      {failed ? t('cases.request.draft.saveFailed') : time ? t('cases.request.draft.savedAt', { time }) : ''}
    </p>
  );
};

/** Above a form filled in again from a draft: what happened, and "start over" to throw the draft away. */
export const DraftRestored = ({ title, text, busy, onStartOver }: { title: string; text: string; busy: boolean; onStartOver: () => void }) => {
  const { t } = useTranslation();
  return (
    <section className="gv-panel gv-stack" aria-labelledby="draft-restored">
      <Heading level={2} id="draft-restored">
        {title}
      </Heading>
      <Paragraph>{text}</Paragraph>
      <div>
        <Button appearance="secondary-action" disabled={busy} onClick={onStartOver}>
          {t('cases.request.draft.startOver')}
        </Button>
      </div>
    </section>
  );
};
