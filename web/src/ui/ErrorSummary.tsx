import { type MouseEvent, useEffect, useRef } from 'react';
import './form.css';
import { cx } from './class-names.ts';

/** One invalid field: the id of its control (or of the first control of its group) and the message. */
export type ErrorSummaryItem = { id: string; message: string };

const focusField = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
  const field = document.getElementById(id);
  if (!field) return;
  // A fragment link scrolls but does not focus the control; the person wants to type in it.
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
};

/**
 * The list of what to fix, above a form, after a submit that failed. It takes focus once per
 * attempt (`attempt`: a counter the form bumps on every refused submit, by the browser or the
 * server), so a screen reader reads it at once and
 * a keyboard user can jump from each line to its field (WCAG 3.3.1, 3.3.3).
 */
export const ErrorSummary = ({
  title,
  items,
  attempt,
  headingLevel = 2,
  className,
}: {
  title: string;
  items: ErrorSummaryItem[];
  attempt: number;
  /** The level that fits the page outline where the form is (2 on a page of its own, 3 in a section). */
  headingLevel?: 2 | 3;
  className?: string;
}) => {
  const Heading = `h${headingLevel}` as const;
  const box = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  // Focus moves once per attempt, when its errors are on screen: react-hook-form may publish them a
  // render after the submit handler ran, and later keystrokes that change the list must not move it.
  const handledAttempt = useRef(attempt);
  useEffect(() => {
    if (!hasItems || handledAttempt.current === attempt) return;
    handledAttempt.current = attempt;
    box.current?.focus();
  });
  if (!hasItems) return null;
  return (
    // As GOV.UK's error summary: the box takes focus (keyboard position), its inner part is an alert
    // (announced at once, also in screen readers that do not read a focused container).
    <div ref={box} tabIndex={-1} className={cx('utrecht-alert', 'utrecht-alert--error', 'gv-alert', 'gv-error-summary', className)}>
      <div className="utrecht-alert__content" role="alert">
        <div className="utrecht-alert__message">
          <Heading className="gv-alert__heading gv-error-summary__heading">{title}</Heading>
          <ul className="gv-error-summary__list">
            {items.map((item) => (
              <li key={item.id}>
                <a className="utrecht-link utrecht-link--html-a" href={`#${item.id}`} onClick={focusField(item.id)}>
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
};
