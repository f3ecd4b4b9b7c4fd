import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageBody, SkipLink } from '../../ui/index.ts';
import { logoSource } from '../../ui/theme.rules.ts';
import { useCity } from '../city.ts';
import { localized } from '../city-display.rules.ts';
import { useFocusOnNavigate } from '../focus-on-navigate.ts';
import { currentLanguage } from '../i18n.ts';
import { IdleDialog } from './IdleDialog.tsx';
import { parseIdleConfig } from './idle-timer.rules.ts';
import { KioskSessionContext } from './kiosk-session.ts';
import { useIdleTimer } from './use-idle-timer.ts';

/**
 * The self-service PC in the entrance hall: big touch targets, no footer, and a reset after
 * inactivity (or when a page says the visitor is done) that clears what the previous person did:
 * page state and form answers (the session's pages remount), fetched data, sent forms, language.
 */
export const KioskLayout = () => {
  const { t, i18n } = useTranslation();
  const { data: city } = useCity();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  // Read once: the timeouts stay for the whole kiosk session, even after navigating inside it.
  const [config] = useState(() => parseIdleConfig(location.search));
  const [session, setSession] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const defaultLanguage = city?.defaultLanguage ?? 'nl';

  // A shared device starts in the city's language unless the address asks for another.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival, not on every language change.
  useEffect(() => {
    if (!new URLSearchParams(location.search).has('lang')) void i18n.changeLanguage(defaultLanguage);
  }, [defaultLanguage]);

  const reset = () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'city' });
    // A sent form's answers stay in the mutation cache as its variables until collected: drop them now.
    queryClient.getMutationCache().clear();
    void i18n.changeLanguage(defaultLanguage);
    setSession((n) => n + 1);
    void navigate('/kiosk', { replace: true });
    main.current?.focus();
    setAnnouncement(i18n.t('kiosk.idle.restarted', { lng: defaultLanguage }));
  };
  const idle = useIdleTimer(config, reset);

  useEffect(() => {
    if (idle.phase === 'warning') setAnnouncement(t('kiosk.idle.announce'));
  }, [idle.phase, t]);

  const language = currentLanguage();
  const logo = city ? logoSource(city.theme.logo) : undefined;
  return (
    <div className="gv-kiosk">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="gv-kiosk__header gv-inverse">
        {logo && city ? <img className="gv-kiosk__logo" src={logo} alt={localized(city.theme.logo.alt, language)} /> : null}
        <p className="gv-kiosk__title">{t('kiosk.title')}</p>
      </header>
      <PageBody ref={main} className="gv-kiosk__main">
        <div key={session} className="gv-kiosk__session">
          <KioskSessionContext.Provider value={{ finish: reset }}>
            <Outlet />
          </KioskSessionContext.Provider>
        </div>
      </PageBody>
      <IdleDialog open={idle.phase === 'warning'} secondsLeft={idle.secondsLeft ?? 0} onContinue={idle.stillHere} />
      <div className="gv-visually-hidden" role="status" aria-live="assertive">
        {announcement}
      </div>
    </div>
  );
};
