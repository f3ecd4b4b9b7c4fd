import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import './form.css';
import { cx } from './class-names.ts';
import { fieldIds } from './Form.tsx';

type DescribedBy = { invalid?: boolean; describedBy?: (string | false | undefined)[] };

const describedById = (describedBy: DescribedBy['describedBy']) => describedBy?.filter(Boolean).join(' ') || undefined;

/**
 * A group of related controls (checkboxes, radio buttons, a repeated row) with its legend, hint and
 * error. The error is part of the legend's description, so a screen reader names it with the group.
 */
export const Fieldset = ({
  id,
  legend,
  description,
  error,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) => {
  const ids = fieldIds(id);
  return (
    <fieldset
      className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', error && 'utrecht-form-fieldset--invalid', 'gv-fieldset', className)}
      aria-describedby={describedById([description ? ids.description : undefined, error ? ids.error : undefined])}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend gv-fieldset__legend">{legend}</legend>
      {description ? (
        <div className="utrecht-form-field-description gv-fieldset__description" id={ids.description}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={ids.error}>
          {error}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
};

/** A checkbox or radio button with its label beside it; the whole row is the click target (at least 44 px high). */
export const Choice = ({
  id,
  type,
  label,
  className,
  invalid = false,
  describedBy,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & DescribedBy & { id: string; type: 'checkbox' | 'radio'; label: ReactNode }) => (
  <div className={cx('utrecht-form-field', type === 'checkbox' ? 'utrecht-form-field--checkbox' : 'utrecht-form-field--radio', 'gv-choice', className)}>
    <input
      id={id}
      type={type}
      className={cx(
        type === 'checkbox' ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input',
        invalid && (type === 'checkbox' ? 'utrecht-checkbox--invalid' : 'utrecht-radio-button--invalid'),
        'gv-choice__input',
      )}
      aria-invalid={invalid || undefined}
      aria-describedby={describedById(describedBy)}
      {...props}
    />
    <label
      className={cx('utrecht-form-label', type === 'checkbox' ? 'utrecht-form-label--checkbox' : 'utrecht-form-label--radio', 'gv-choice__label')}
      htmlFor={id}
    >
      {label}
    </label>
  </div>
);

/** A native select: the most robust choice list for keyboards, screen readers and phones. */
export const Select = ({ className, invalid = false, describedBy, ...props }: SelectHTMLAttributes<HTMLSelectElement> & DescribedBy) => (
  <select
    className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid', 'gv-select', className)}
    aria-invalid={invalid || undefined}
    aria-describedby={describedById(describedBy)}
    {...props}
  />
);
