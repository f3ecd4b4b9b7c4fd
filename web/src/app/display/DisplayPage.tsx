import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelId } from '../../../../shared/src/city/index.ts';
import { Heading } from '../../ui/index.ts';
import { ChannelHours } from '../ChannelHours.tsx';
import { useCity } from '../city.ts';
import { formatLocalDate, localized } from '../city-display.rules.ts';
import { currentLanguage } from '../i18n.ts';
import { locales } from '../language.rules.ts';
import { usePageTitle } from '../page-title.ts';
import { Loading, QueryAlert } from '../QueryAlert.tsx';

const displayChannels: ChannelId[] = ['counter', 'quick-desk', 'phone'];

/** The current time, refreshed on the next full second so the minute flips on time. */
const useNow = () => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: number;
    const schedule = () => {
      timer = window.setTimeout(
        () => {
          setNow(new Date());
          schedule();
        },
        1000 - (Date.now() % 1000),
      );
    };
    schedule();
    return () => window.clearTimeout(timer);
  }, []);
  return now;
};

/**
 * `/scherm`: the waiting-room screen. Read from a distance, so white on near-black and very large
 * type; nothing moves but the clock. The "now serving" area is a polite live region, ready for the
 * queue module (issue "queue") to put calls in.
 */
export const DisplayPage = () => {
  const { t } = useTranslation();
  const city = useCity();
  const language = currentLanguage();
  const now = useNow();
  usePageTitle(t('display.title'));
  const timeZone = city.data?.timeZone ?? 'Europe/Brussels';
  const time = new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(now);
  return (
    <div className="gv-display">
      <header className="gv-display__header">
        <div>
          <Heading level={1} className="gv-display__city">
            {city.data ? localized(city.data.name, language) : t('display.title')}
          </Heading>
          {city.data ? (
            <p className="gv-display__date">
              <time dateTime={city.data.today.date}>{formatLocalDate(city.data.today.date, language)}</time>
            </p>
          ) : null}
        </div>
        <p className="gv-display__clock">
          <span className="gv-visually-hidden">{t('display.clock', { time })}</span>
          <time aria-hidden="true" dateTime={now.toISOString()}>
            {time}
          </time>
        </p>
      </header>
      <main id="main" className="gv-display__main">
        <section className="gv-display__now" aria-labelledby="display-now">
          <Heading level={2} id="display-now" className="gv-display__label">
            {t('display.now')}
          </Heading>
          <div className="gv-display__calls" aria-live="polite">
            <p className="gv-display__empty">{t('display.noCalls')}</p>
          </div>
        </section>
        <section className="gv-display__hours" aria-labelledby="display-hours">
          <Heading level={2} id="display-hours" className="gv-display__label">
            {t('display.hoursTitle')}
          </Heading>
          {city.isPending ? <Loading /> : null}
          {city.isError ? <QueryAlert error={city.error} /> : null}
          {city.data ? (
            <dl className="gv-display__list">
              {displayChannels
                .filter((id) => city.data.today.channels[id].available)
                .map((id) => (
                  <div key={id}>
                    <dt>{t(`channels.${id}`)}</dt>
                    <dd>
                      <ChannelHours today={city.data.today.channels[id]} />
                    </dd>
                  </div>
                ))}
            </dl>
          ) : null}
        </section>
      </main>
    </div>
  );
};
