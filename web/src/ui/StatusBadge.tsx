import type { ReactNode } from 'react';

export type StatusBadgeStatus = 'neutral' | 'success' | 'warning' | 'danger';

/** A short status label. The colour only repeats the word: the word carries the meaning. */
export const StatusBadge = ({ status = 'neutral', children }: { status?: StatusBadgeStatus; children: ReactNode }) => (
  <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>
);
