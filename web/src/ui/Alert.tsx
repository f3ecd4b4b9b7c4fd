import type { ReactNode } from 'react';
import { cx } from './class-names.ts';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/**
 * A message box. Errors and warnings use role="alert" so screen readers announce them at once;
 * info and ok use role="status", which waits until the reader is done speaking.
 */
export const Alert = ({ type = 'info', heading, children, className }: { type?: AlertType; heading?: ReactNode; children: ReactNode; className?: string }) => (
  <div className={cx('utrecht-alert', `utrecht-alert--${type}`, 'gv-alert', className)} role={type === 'error' || type === 'warning' ? 'alert' : 'status'}>
    <div className="utrecht-alert__content">
      <div className="utrecht-alert__message">
        {heading ? <p className="gv-alert__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  </div>
);
