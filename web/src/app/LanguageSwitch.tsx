import type { MouseEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Language } from '../../../shared/src/platform/language.ts';
import { cx } from '../ui/class-names.ts';
import { currentLanguage, storeLanguage } from './i18n.ts';
import { languageNames, languages, withLanguageQuery } from './language.rules.ts';

/**
 * Three links, each language named in itself and marked with its own `lang`. A click changes the
 * language in place: same page, same scroll position, same form input. The href (with ?lang=)
 * keeps the link meaningful when opened in a new tab. `persist: false` on the kiosk, which is a
 * shared device and must not remember the previous person's choice.
 */
export const LanguageSwitch = ({ persist = true, className }: { persist?: boolean; className?: string }) => {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = currentLanguage();
  const [announce, setAnnounce] = useState('');

  const choose = (language: Language) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (persist) storeLanguage(language);
    void i18n.changeLanguage(language).then(() => setAnnounce(i18n.t('language.changed')));
    // A ?lang= in the address would win on reload; keep it in step, without a history entry.
    if (new URLSearchParams(location.search).has('lang')) {
      void navigate(
        { pathname: location.pathname, search: withLanguageQuery(location.search, language), hash: location.hash },
        { replace: true, preventScrollReset: true },
      );
    }
  };

  return (
    <nav className={cx('gv-language-switch', className)} aria-label={t('language.label')}>
      <ul className="gv-language-switch__list">
        {languages.map((language) => (
          <li key={language}>
            <a
              className={cx('gv-language-switch__link', language === current && 'gv-language-switch__link--current')}
              href={`${location.pathname}${withLanguageQuery(location.search, language)}`}
              lang={language}
              hrefLang={language}
              aria-current={language === current ? 'true' : undefined}
              onClick={choose(language)}
            >
              {languageNames[language]}
            </a>
          </li>
        ))}
      </ul>
      <span className="gv-visually-hidden" role="status">
        {announce}
      </span>
    </nav>
  );
};
