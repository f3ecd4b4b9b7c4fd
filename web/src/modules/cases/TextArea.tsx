import type { Ref, TextareaHTMLAttributes } from 'react';
import { cx, FormField, fieldIds } from '../../ui/index.ts';

/** A multi-line text box in the design system's style; `invalid` sets aria-invalid, `describedBy` links the hint and error. */
export const TextArea = ({
  className,
  invalid = false,
  describedBy,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean; describedBy?: (string | false | undefined)[]; ref?: Ref<HTMLTextAreaElement> }) => (
  <textarea
    className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', invalid && 'utrecht-textarea--invalid', 'gv-case-textarea', className)}
    aria-invalid={invalid || undefined}
    aria-describedby={describedBy?.filter(Boolean).join(' ') || undefined}
    rows={5}
    {...props}
  />
);

/** A labelled multi-line text box with its hint and error, as the case forms use it. */
export const TextAreaField = ({
  id,
  label,
  hint,
  error,
  ...props
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}) => (
  <FormField id={id} label={label} description={hint} error={error}>
    <TextArea id={id} invalid={Boolean(error)} describedBy={[hint && fieldIds(id).description, error && fieldIds(id).error]} {...props} />
  </FormField>
);
