import type { AnchorHTMLAttributes } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps, NavLink as RouterNavLink, type NavLinkProps as RouterNavLinkProps } from 'react-router';
import { cx } from './class-names.ts';

/** A link inside the app (client-side navigation). */
export const Link = ({ className, ...props }: RouterLinkProps) => <RouterLink className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...props} />;

/** A link leaving the app: tel:, mailto: or another website. */
export const ExternalLink = ({ className, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) => (
  <a className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...props} />
);

/** A menu link; the router sets aria-current="page" on the current one. */
export const NavLink = ({ className, ...props }: Omit<RouterNavLinkProps, 'className'> & { className?: string }) => (
  <RouterNavLink
    className={({ isActive }) => cx('utrecht-link', 'utrecht-link--html-a', 'gv-nav__link', isActive && 'gv-nav__link--current', className)}
    {...props}
  />
);
