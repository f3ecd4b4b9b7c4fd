import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, Heading, Link, Paragraph } from '../../ui/index.ts';
import { useAddMyAttachments } from './attachments.api.ts';
import { useMyCase, useReplyMine, useWithdrawMine } from './cases.api.ts';
import { ResidentCaseView } from './ResidentCaseView.tsx';
import { TextAreaField } from './TextArea.tsx';

/** Withdrawing, in two steps: the button opens a confirmation with an optional reason, so one click never withdraws by accident. */
const Withdraw = ({ reference }: { reference: string }) => {
  const { t } = useTranslation();
  const withdraw = useWithdrawMine(reference);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the step: into the confirmation when it opens, back to the button when it closes.
  useEffect(() => {
    if (confirming) heading.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <section aria-labelledby="case-withdraw-title" className="gv-stack">
        <Heading level={2} id="case-withdraw-title">
          {t('cases.withdraw.title')}
        </Heading>
        <Paragraph>{t('cases.withdraw.text')}</Paragraph>
        <div>
          <Button ref={opener} appearance="secondary-action" onClick={() => setConfirming(true)}>
            {t('cases.withdraw.open')}
          </Button>
        </div>
      </section>
    );
  }
  const reasonId = 'case-withdraw-reason';
  return (
    <section aria-labelledby="case-withdraw-confirm" className="gv-panel gv-stack gv-confirm">
      <Heading level={2} id="case-withdraw-confirm" ref={heading} tabIndex={-1}>
        {t('cases.withdraw.confirmTitle')}
      </Heading>
      <Paragraph>{t('cases.withdraw.confirmText')}</Paragraph>
      {withdraw.isError ? <QueryAlert error={withdraw.error} /> : null}
      <TextAreaField
        id={reasonId}
        rows={3}
        maxLength={2000}
        label={t('cases.withdraw.reason')}
        hint={t('cases.withdraw.reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="gv-button-row">
        <Button appearance="primary-action" disabled={withdraw.isPending} onClick={() => withdraw.mutate(reason, { onSuccess: () => setConfirming(false) })}>
          {withdraw.isPending ? t('cases.form.sending') : t('cases.withdraw.confirm')}
        </Button>
        <Button appearance="secondary-action" onClick={() => setConfirming(false)}>
          {t('cases.withdraw.cancel')}
        </Button>
      </div>
    </section>
  );
};

/** `/mijn-dossiers/:ref`: one of the resident's cases (or of a minor of their household). */
export const MyCasePage = () => {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const found = useMyCase(ref);
  const reply = useReplyMine(ref);
  const addDocuments = useAddMyAttachments(ref);
  usePageTitle(found.data ? `${found.data.product.title} ${found.data.reference}` : t('cases.mine.title'));
  if (found.isPending) return <Loading />;
  if (found.isError) {
    if (found.error instanceof ApiError && found.error.status === 404) {
      return (
        <div className="gv-stack">
          <Heading level={1}>{t('cases.case.notFoundTitle')}</Heading>
          <Paragraph>{t('cases.case.notFoundText')}</Paragraph>
          <p>
            <Link to="/mijn-dossiers">{t('cases.mine.back')}</Link>
          </p>
        </div>
      );
    }
    return <QueryAlert error={found.error} onRetry={() => void found.refetch()} />;
  }
  return (
    <div className="gv-stack gv-stack--loose">
      <p>
        <Link to="/mijn-dossiers">{t('cases.mine.back')}</Link>
      </p>
      {found.data.status === 'withdrawn' ? (
        <Alert type="info">
          <Paragraph>{t('cases.withdraw.done')}</Paragraph>
        </Alert>
      ) : null}
      <ResidentCaseView
        found={found.data}
        reply={(text) => reply.mutateAsync(text)}
        addDocuments={(input) => addDocuments.mutateAsync(input)}
        actions={found.data.actions.withdraw ? <Withdraw reference={found.data.reference} /> : null}
      />
    </div>
  );
};
