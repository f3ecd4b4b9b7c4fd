import type { AnchorHTMLAttributes, ButtonHTMLAttributes, Ref } from 'react';
import { Link as RouterLink, type LinkProps as RouterLinkProps } from 'react-router';
import { cx } from './class-names.ts';

export type ButtonAppearance = 'primary-action' | 'secondary-action' | 'subtle';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: ButtonAppearance; ref?: Ref<HTMLButtonElement> };

/** A button; `type` defaults to "button" so it never submits a form by accident. */
export const Button = ({ appearance = 'secondary-action', className, type = 'button', ...props }: ButtonProps) => (
  <button type={type} className={cx('utrecht-button', `utrecht-button--${appearance}`, type === 'submit' && 'utrecht-button--submit', className)} {...props} />
);

export type ButtonLinkProps = RouterLinkProps & { appearance?: ButtonAppearance };

/** A link that looks like a button: for navigation that is the main action of a block. */
export const ButtonLink = ({ appearance = 'secondary-action', className, ...props }: ButtonLinkProps) => (
  <RouterLink className={cx('utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}`, className)} {...props} />
);

/** A button-styled link to somewhere outside the app (tel:, mailto:, another site). */
export const ExternalButtonLink = ({
  appearance = 'secondary-action',
  className,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; appearance?: ButtonAppearance }) => (
  <a className={cx('utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}`, className)} {...props} />
);
