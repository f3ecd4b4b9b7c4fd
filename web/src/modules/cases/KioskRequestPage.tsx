import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReceipt } from '../../../../shared/src/cases/cases.contract.ts';
import { contactEmailOf } from '../../../../shared/src/cases/index.ts';
import { localize } from '../../../../shared/src/forms/index.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, ButtonLink, Heading, Paragraph } from '../../ui/index.ts';
import { useAskQuestion, useProductForm } from './cases.api.ts';
import { FormRenderer } from './FormRenderer.tsx';
import { initialAnswers } from './form-renderer.rules.ts';
import { KioskConfirmation } from './KioskConfirmation.tsx';
import { kioskFormOf } from './kiosk-form.rules.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

const Cancel = () => {
  const { t } = useTranslation();
  return (
    <p>
      <ButtonLink to="/kiosk" appearance="secondary-action" className="gv-kiosk__back">
        {t('kiosk.form.cancel')}
      </ButtonLink>
    </p>
  );
};

/**
 * `/kiosk/vraag` and `/kiosk/melding`: a question or a report without a login at the self-service
 * PC, with the same form definition and renderer as the portal, in the kiosk's size. File
 * questions are left out (kioskFormOf): photos come later from the visitor's phone. Sent as
 * channel `kiosk` with one Idempotency-Key per fill; nothing is saved as a draft, and the kiosk's
 * reset drops the answers with the page.
 */
export const KioskRequestPage = ({ product, kind }: { product: string; kind: 'question' | 'report' }) => {
  const { t } = useTranslation();
  const form = useProductForm(product);
  const ask = useAskQuestion();
  const key = useIdempotencyKey();
  const [sent, setSent] = useState<{ receipt: CaseReceipt; mailed: boolean } | null>(null);
  const kiosk = useMemo(() => (form.data ? kioskFormOf(form.data.form) : null), [form.data]);
  const initial = useMemo(() => (kiosk ? initialAnswers(kiosk.form) : {}), [kiosk]);
  const title = form.data ? localize(form.data.form.title, currentLanguage()) : t(`kiosk.tiles.${kind}`);
  usePageTitle(sent ? t(`kiosk.confirmation.${kind}Title`) : title);

  if (sent) return <KioskConfirmation receipt={sent.receipt} kind={kind} mailed={sent.mailed} />;
  if (form.isPending) return <Loading />;
  if (form.isError) {
    return (
      <div className="gv-stack">
        <QueryAlert error={form.error} onRetry={() => void form.refetch()} />
        <Cancel />
      </div>
    );
  }
  if (!kiosk) {
    return (
      <div className="gv-stack">
        <Heading level={1}>{title}</Heading>
        <Paragraph lead>{t('kiosk.form.notHere')}</Paragraph>
        <Cancel />
      </div>
    );
  }
  return (
    <div className="gv-stack gv-stack--loose">
      <Heading level={1}>{title}</Heading>
      {kiosk.withoutFiles ? (
        <Alert type="info">
          <Paragraph>{t('kiosk.form.photoLater')}</Paragraph>
        </Alert>
      ) : null}
      <FormRenderer
        id="kiosk"
        surface="kiosk"
        definition={kiosk.form}
        initial={initial}
        submitLabel={t(kind === 'question' ? 'kiosk.form.submitQuestion' : 'kiosk.form.submitReport')}
        footer={<Paragraph className="gv-form-note">{t('kiosk.form.shared')}</Paragraph>}
        onSubmit={async ({ answers }) => {
          const receipt = await ask.mutateAsync({ product, answers, idempotencyKey: key.current(), channel: 'kiosk' });
          key.renew();
          // Only whether an address was given is kept, not the address: the confirmation says where the link went.
          setSent({ receipt, mailed: contactEmailOf(kiosk.form, answers) !== null });
          ask.reset();
        }}
      />
      <Cancel />
    </div>
  );
};
