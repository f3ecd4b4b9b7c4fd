import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Street } from '../../../../shared/src/register/index.ts';
import { stepOption, useDebounced } from '../../ui/index.ts';
import { useStreetSuggestions } from './cases.api.ts';
import '../../ui/combobox.css';

// Long enough not to ask on every keystroke, short enough to feel like "as you type".
const debounceMs = 250;

/**
 * The street of an address field with suggestions from the register (ARIA 1.2 combobox: the text
 * box keeps focus and points at the active suggestion). Picking one also fills in the postcode and
 * the municipality, which is why it reports the whole street. Typing any street still works: a
 * suggestion helps, it never limits.
 */
export const StreetInput = ({
  id,
  value,
  onChange,
  onBlur,
  onPick,
  invalid,
  describedBy,
  inputRef,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  onPick: (street: Street) => void;
  invalid: boolean;
  describedBy: string | undefined;
  inputRef: (element: HTMLInputElement | null) => void;
}) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(value, debounceMs);
  const streets = useStreetSuggestions(open ? debounced : '');
  const suggestions = open && value.trim().length >= 2 && streets.data ? streets.data.items : [];
  const expanded = suggestions.length > 0;
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;

  // A new answer means new options: the previous active one no longer points at the same street.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new answer, not on what it contains.
  useEffect(() => setActive(-1), [streets.data]);

  const pick = (street: Street) => {
    setOpen(false);
    onPick(street);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => stepOption(current, suggestions.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      // Enter picks the suggestion instead of submitting the form.
      event.preventDefault();
      const street = suggestions[active];
      if (street) pick(street);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const announcement =
    !open || debounced.trim().length < 2 || streets.isFetching || !streets.data
      ? ''
      : suggestions.length === 0
        ? t('cases.form.streetNone')
        : t('cases.form.streetCount', { count: suggestions.length });

  return (
    <div className="gv-street">
      <input
        id={id}
        ref={inputRef}
        type="text"
        className={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="address-line1"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
      />
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a list of options is the ARIA 1.2 listbox pattern. */}
      <ul id={listId} role="listbox" aria-label={t('cases.form.streetSuggestions')} className="gv-combobox__list" hidden={!expanded}>
        {suggestions.map((street, index) => (
          // The text box keeps focus (aria-activedescendant); mousedown is cancelled so a click does not blur it first.
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: combobox pattern, see above.
          <li
            key={`${street.street}-${street.postcode}`}
            id={optionId(index)}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options of the listbox above.
            role="option"
            aria-selected={index === active}
            className="gv-combobox__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(street)}
          >
            {street.street}, {street.postcode} {street.subMunicipality}
          </li>
        ))}
      </ul>
      <p className="gv-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
};
