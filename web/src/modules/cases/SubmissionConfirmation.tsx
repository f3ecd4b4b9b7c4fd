import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReceipt } from '../../../../shared/src/cases/cases.contract.ts';
import type { ProductFamily } from '../../../../shared/src/cases/index.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Alert, ButtonLink, Heading, Link, Paragraph } from '../../ui/index.ts';
import { DocumentList, formatDay } from './CaseParts.tsx';
import { awaitingAutomation, caseDocuments, sitePath } from './case-display.rules.ts';
import { useMyCase } from './cases.api.ts';

/** How long the page waits for an automated certificate before it says a person will finish it. */
// Human-handled certificates (an earlier date, model 596) look the same to the page until then.
const automationPatienceMs = 20_000;

/**
 * For a certificate the platform makes on its own: asks every second until the document is there
 * (or the automation gave up), then offers the download and where to check it is genuine.
 */
const AutomatedResult = ({ receipt, family }: { receipt: CaseReceipt; family: ProductFamily }) => {
  const { t } = useTranslation();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setExpired(true), automationPatienceMs);
    return () => clearTimeout(timer);
  }, []);
  const found = useMyCase(receipt.reference, { poll: (data) => !expired && (!data || awaitingAutomation(data, family)) });
  if (!found.data) return null;
  const documents = caseDocuments(found.data.timeline);
  if (documents.length > 0) {
    return (
      <Alert type="ok" heading={t('cases.confirmation.documentReady')}>
        <DocumentList documents={documents} />
      </Alert>
    );
  }
  if (awaitingAutomation(found.data, family) && !expired) {
    return (
      <p className="utrecht-paragraph gv-loading" role="status">
        {t('cases.confirmation.documentMaking')}
      </p>
    );
  }
  return (
    <Alert type="info">
      <Paragraph>{t('cases.confirmation.documentByPerson')}</Paragraph>
    </Alert>
  );
};

/** Who handles the case and by when, or, for a certificate made at once, that nothing is left to do. */
const NextSteps = ({ receipt, audience, closed }: { receipt: CaseReceipt; audience: 'resident' | 'anonymous'; closed: boolean }) => {
  const { t } = useTranslation();
  return closed ? (
    <ul className="gv-next-steps">
      <li>{t('cases.confirmation.closed')}</li>
      <li>{t('cases.confirmation.keptInMyCases')}</li>
    </ul>
  ) : (
    <ul className="gv-next-steps">
      <li>{t('cases.confirmation.owner', { owner: receipt.owner.name })}</li>
      <li>{t('cases.confirmation.due', { date: formatDay(receipt.dueDate, currentLanguage()) })}</li>
      <li>{t(audience === 'resident' ? 'cases.confirmation.mailResident' : 'cases.confirmation.mailAnonymous')}</li>
    </ul>
  );
};

/** A resident's next steps follow the case as it is now (the same query the document block polls). */
const ResidentNextSteps = ({ receipt }: { receipt: CaseReceipt }) => {
  const live = useMyCase(receipt.reference);
  return <NextSteps receipt={receipt} audience="resident" closed={live.data?.status === 'closed'} />;
};

/**
 * The page after a submission: the reference, who handles it and by when, how the person follows
 * it (Mijn dossiers, or the secret link for a question without a login) and, for a certificate
 * the platform makes itself, the document as soon as it is there. Focus moves to its heading, as
 * on a new page.
 */
export const SubmissionConfirmation = ({
  receipt,
  family,
  audience,
  kind,
}: {
  receipt: CaseReceipt;
  family: ProductFamily;
  audience: 'resident' | 'anonymous';
  kind: 'request' | 'question';
}) => {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const follow = sitePath(receipt.followUrl);
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1} ref={heading} tabIndex={-1}>
          {t(`cases.confirmation.${kind}Title`)}
        </Heading>
        <Paragraph lead>{t('cases.confirmation.reference', { reference: receipt.reference })}</Paragraph>
      </div>
      {audience === 'resident' && family === 'certificate' ? <AutomatedResult receipt={receipt} family={family} /> : null}
      <section aria-labelledby="confirmation-next" className="gv-stack">
        <Heading level={2} id="confirmation-next">
          {t('cases.confirmation.nextTitle')}
        </Heading>
        {audience === 'resident' ? <ResidentNextSteps receipt={receipt} /> : <NextSteps receipt={receipt} audience={audience} closed={false} />}
      </section>
      {audience === 'anonymous' ? (
        <section aria-labelledby="confirmation-follow" className="gv-panel gv-stack">
          <Heading level={2} id="confirmation-follow">
            {t('cases.confirmation.followTitle')}
          </Heading>
          <Paragraph>{t(kind === 'question' ? 'cases.confirmation.followText' : 'cases.confirmation.followTextCase')}</Paragraph>
          <p>
            <Link to={follow}>{t(kind === 'question' ? 'cases.confirmation.followLink' : 'cases.confirmation.followLinkCase')}</Link>
          </p>
        </section>
      ) : (
        <p className="gv-button-row">
          <ButtonLink to={follow} appearance="primary-action">
            {t('cases.confirmation.toCase')}
          </ButtonLink>
          <ButtonLink to="/mijn-dossiers" appearance="secondary-action">
            {t('cases.confirmation.toMyCases')}
          </ButtonLink>
        </p>
      )}
    </div>
  );
};
