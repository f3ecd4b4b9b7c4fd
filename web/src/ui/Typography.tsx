import type { HTMLAttributes, Ref } from 'react';
import { cx } from './class-names.ts';

export type HeadingLevel = 1 | 2 | 3 | 4;

/** A heading; pick the level from the page outline, style it with `appearance` when it must look different. */
export const Heading = ({
  level,
  appearance,
  className,
  ...props
}: HTMLAttributes<HTMLHeadingElement> & { level: HeadingLevel; appearance?: HeadingLevel; ref?: Ref<HTMLHeadingElement> }) => {
  const Tag = `h${level}` as const;
  return <Tag className={cx(`utrecht-heading-${appearance ?? level}`, className)} {...props} />;
};

/** A paragraph; `lead` for the introduction under a page title. */
export const Paragraph = ({ lead = false, className, ...props }: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean }) => (
  <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)} {...props} />
);

/** Text only screen readers hear, for context a sighted reader gets from the layout. */
export const VisuallyHidden = ({ className, ...props }: HTMLAttributes<HTMLSpanElement>) => <span className={cx('gv-visually-hidden', className)} {...props} />;
