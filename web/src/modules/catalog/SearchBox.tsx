import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useNavigate } from 'react-router';
import { Button, FormField, fieldIds, stepOption, useDebounced } from '../../ui/index.ts';
import { useCatalogSearch } from './catalog.api.ts';
import '../../ui/combobox.css';
import './catalog.css';

// Long enough not to ask the server on every keystroke, short enough to feel like "as you type".
const debounceMs = 250;
const maxSuggestions = 6;

/**
 * The search box with suggestions as you type: the ARIA 1.2 combobox pattern (a text box that
 * controls a listbox, the active option through aria-activedescendant, so focus stays in the box).
 * Up and down move through the suggestions, Enter opens the active one (or searches), Escape closes
 * the list and a second Escape clears the box. A polite live region says how many suggestions
 * there are. It is a plain GET form to /zoeken, so submitting works like any form.
 */
export const SearchBox = ({ id, initialQuery = '' }: { id: string; initialQuery?: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(query, debounceMs);
  const search = useCatalogSearch(open ? debounced : '');
  const suggestions = open && query.trim() && search.data ? search.data.results.slice(0, maxSuggestions) : [];
  const expanded = suggestions.length > 0;
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const ids = fieldIds(id);

  // A new answer means new options: the previous active one no longer points at the same product.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new answer, not on what it contains.
  useEffect(() => setActive(-1), [search.data]);

  const announcement =
    !open || !debounced.trim() || search.isFetching || !search.data
      ? ''
      : expanded
        ? t('catalog.search.suggestionCount', { count: suggestions.length })
        : t('catalog.search.noSuggestions');

  const choose = (slug: string) => {
    setOpen(false);
    void navigate(`/producten/${slug}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => stepOption(current, suggestions.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      const suggestion = suggestions[active];
      if (suggestion) choose(suggestion.slug);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        event.preventDefault();
        setQuery('');
      }
    }
  };

  return (
    <Form method="get" action="/zoeken" role="search" aria-label={t('catalog.search.title')} className="gv-search" onSubmit={() => setOpen(false)}>
      <FormField id={id} label={t('catalog.search.label')} description={t('catalog.search.hint')}>
        <div className="gv-search__row">
          <div className="gv-combobox">
            <input
              id={id}
              name="q"
              type="text"
              className="utrecht-textbox utrecht-textbox--html-input"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
              aria-describedby={ids.description}
              autoComplete="off"
              enterKeyHint="search"
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setOpen(true);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
            />
            {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a list of options is the ARIA 1.2 listbox pattern. */}
            <ul id={listId} role="listbox" aria-label={t('catalog.search.suggestions')} className="gv-combobox__list" hidden={!expanded}>
              {suggestions.map((suggestion, index) => (
                // The text box keeps focus and points at the active option (aria-activedescendant), so the
                // options themselves are not focusable and have no keys of their own; mousedown is cancelled
                // so a click does not blur the box (which would close the list) before it picks.
                // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: combobox pattern, see above.
                <li
                  key={suggestion.slug}
                  id={optionId(index)}
                  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: options of the listbox above.
                  role="option"
                  aria-selected={index === active}
                  className="gv-combobox__option"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(suggestion.slug)}
                >
                  {suggestion.title}
                </li>
              ))}
            </ul>
          </div>
          <Button type="submit" appearance="primary-action">
            {t('catalog.search.button')}
          </Button>
        </div>
      </FormField>
      <p className="gv-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </Form>
  );
};
