import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '../../ui/index.ts';

/**
 * "Bent u er nog?": a modal dialog (focus moves into it, the page behind is inert) with a countdown.
 * The countdown itself is not a live region, or a screen reader would read a number every second;
 * the kiosk layout announces the question once instead.
 */
export const IdleDialog = ({ open, secondsLeft, onContinue }: { open: boolean; secondsLeft: number; onContinue: () => void }) => {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard answer is Escape (onCancel) or the button.
    <dialog
      ref={dialog}
      className="gv-dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      // A tap on the backdrop lands on the dialog itself: "touch the screen to continue" means that too.
      // On click, not pointerdown, so the tap ends before the dialog closes and nothing beneath is hit.
      onClick={(event) => {
        if (event.target === event.currentTarget) onContinue();
      }}
      onCancel={(event) => {
        // Escape means "I am here": continue rather than let the browser close it behind React's back.
        event.preventDefault();
        onContinue();
      }}
    >
      <Heading level={2} id="idle-title">
        {t('kiosk.idle.title')}
      </Heading>
      <Paragraph id="idle-text">{t('kiosk.idle.text', { count: secondsLeft })}</Paragraph>
      <p className="gv-dialog__countdown" aria-hidden="true">
        {secondsLeft}
      </p>
      <Button appearance="primary-action" onClick={onContinue} autoFocus>
        {t('kiosk.idle.continue')}
      </Button>
    </dialog>
  );
};
