import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names.ts';

/** Ids of a field's description and error, for aria-describedby. */
export const fieldIds = (id: string) => ({ description: `${id}-description`, error: `${id}-error` });

/**
 * A label, an optional description and error message, and the control. The control itself gets
 * `aria-describedby` through Textbox's `describedBy`, so screen readers read the hint and the error.
 */
export const FormField = ({
  id,
  label,
  description,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) => {
  const ids = fieldIds(id);
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={ids.description}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={ids.error}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
};

/** A single-line text input. `invalid` sets aria-invalid; `describedBy` links the hint and error. */
export const Textbox = ({
  className,
  invalid = false,
  describedBy,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; describedBy?: (string | false | undefined)[] }) => {
  const describedById = describedBy?.filter(Boolean).join(' ') || undefined;
  return (
    <input
      className={cx('utrecht-textbox', 'utrecht-textbox--html-input', invalid && 'utrecht-textbox--invalid', className)}
      aria-invalid={invalid || undefined}
      aria-describedby={describedById}
      {...props}
    />
  );
};
