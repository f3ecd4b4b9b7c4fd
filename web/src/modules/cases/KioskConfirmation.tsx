import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReceipt } from '../../../../shared/src/cases/cases.contract.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { useKioskSession } from '../../app/kiosk/kiosk-session.ts';
import { Button, Heading, Paragraph, QrCode } from '../../ui/index.ts';
import { formatDay } from './CaseParts.tsx';

/**
 * The kiosk's page after a question or report: the case number in very large type, who handles it,
 * and the secret follow link as a QR code, so the visitor takes the case with them on their phone
 * (the PC keeps nothing). "Klaar" clears the kiosk at once; otherwise the idle reset does.
 */
export const KioskConfirmation = ({ receipt, kind, mailed }: { receipt: CaseReceipt; kind: 'question' | 'report'; mailed: boolean }) => {
  const { t } = useTranslation();
  const session = useKioskSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="gv-stack gv-stack--loose">
      <Heading level={1} ref={heading} tabIndex={-1}>
        {t(`kiosk.confirmation.${kind}Title`)}
      </Heading>
      <p className="gv-kiosk-reference">
        <span className="gv-kiosk-reference__label">{t('kiosk.confirmation.referenceLabel')}</span>
        <span className="gv-kiosk-reference__value">{receipt.reference}</span>
      </p>
      <ul className="gv-next-steps">
        <li>{t('cases.confirmation.owner', { owner: receipt.owner.name })}</li>
        <li>{t('cases.confirmation.due', { date: formatDay(receipt.dueDate, currentLanguage()) })}</li>
      </ul>
      <section aria-labelledby="kiosk-follow" className="gv-panel gv-kiosk-follow">
        <QrCode value={receipt.followUrl} label={t('kiosk.confirmation.qrLabel')} className="gv-kiosk-follow__code" />
        <div className="gv-stack">
          <Heading level={2} id="kiosk-follow">
            {t('kiosk.confirmation.followTitle')}
          </Heading>
          <Paragraph>{t('kiosk.confirmation.followText')}</Paragraph>
          <Paragraph>{t(mailed ? 'kiosk.confirmation.mailed' : 'kiosk.confirmation.notMailed')}</Paragraph>
        </div>
      </section>
      {session ? (
        <div className="gv-stack">
          <Paragraph>{t('kiosk.confirmation.doneText')}</Paragraph>
          <div>
            <Button appearance="primary-action" className="gv-kiosk__back" onClick={session.finish}>
              {t('kiosk.confirmation.done')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
};
