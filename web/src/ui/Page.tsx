import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './class-names.ts';

/** The first focusable element of every page: jumps past the header to the main content. */
export const SkipLink = ({ href, children }: { href: `#${string}`; children: ReactNode }) => (
  <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus gv-skip-link" href={href}>
    {children}
  </a>
);

/** The banner landmark in the city's colours. */
export const PageHeader = ({ className, children, ...props }: HTMLAttributes<HTMLElement>) => (
  <header className={cx('utrecht-page-header', 'gv-inverse', className)} {...props}>
    <div className="utrecht-page-header__content gv-container">{children}</div>
  </header>
);

/**
 * The main landmark. tabIndex -1 lets the skip link and route changes move focus here without
 * putting it in the tab order.
 */
export const PageBody = ({ className, children, ref, ...props }: HTMLAttributes<HTMLElement> & { ref?: Ref<HTMLElement> }) => (
  <main id="main" tabIndex={-1} ref={ref} className={cx('utrecht-page-body', 'gv-main', className)} {...props}>
    <div className="utrecht-page-body__content gv-container">{children}</div>
  </main>
);

/** The contentinfo landmark. */
export const PageFooter = ({ className, children, ...props }: HTMLAttributes<HTMLElement>) => (
  <footer className={cx('utrecht-page-footer', 'gv-inverse', className)} {...props}>
    <div className="utrecht-page-footer__content gv-container">{children}</div>
  </footer>
);
