import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './class-names.ts';

/**
 * A data table in a scroll container, so a wide table scrolls on its own at 360 px instead of
 * pushing the whole page sideways. The container is focusable so keyboard users can scroll it.
 */
export const Table = ({ label, children, className }: { label: string; children: ReactNode; className?: string }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
  <section className="gv-table-scroll" tabIndex={0} aria-label={label}>
    <table className={cx('utrecht-table', className)}>{children}</table>
  </section>
);
export const TableCaption = (props: HTMLAttributes<HTMLTableCaptionElement>) => <caption className="utrecht-table__caption" {...props} />;
export const TableHeader = (props: HTMLAttributes<HTMLTableSectionElement>) => <thead className="utrecht-table__header" {...props} />;
export const TableBody = (props: HTMLAttributes<HTMLTableSectionElement>) => <tbody className="utrecht-table__body" {...props} />;
export const TableRow = ({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) => <tr className={cx('utrecht-table__row', className)} {...props} />;
export const TableHeaderCell = ({ scope = 'col', ...props }: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th className="utrecht-table__header-cell" scope={scope} {...props} />
);
export const TableCell = (props: TdHTMLAttributes<HTMLTableCellElement>) => <td className="utrecht-table__cell" {...props} />;
