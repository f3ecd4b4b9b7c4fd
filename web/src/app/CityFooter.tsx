import { useTranslation } from 'react-i18next';
import type { ChannelId, CityResponse } from '../../../shared/src/city/index.ts';
import { ExternalLink, Heading, PageFooter } from '../ui/index.ts';
import { ChannelHours } from './ChannelHours.tsx';
import { useCity } from './city.ts';
import { formatLocalDate, formatTime, localized, telHref } from './city-display.rules.ts';
import { currentLanguage } from './i18n.ts';

/** The channels a resident can use today without an appointment at home; the home service is on the home page. */
const footerChannels: ChannelId[] = ['online', 'phone', 'counter', 'quick-desk'];

const NextClosingDay = ({ city }: { city: CityResponse }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const next = city.upcomingClosingDays[0];
  if (!next) return <p>{t('footer.noClosingDay')}</p>;
  const when = next.date === city.today.date ? t('footer.today') : formatLocalDate(next.date, language);
  return (
    <p>
      <time dateTime={next.date}>{when}</time>: {localized(next.name, language)}
      {next.closedFrom ? ` (${t('footer.closedFrom', { time: formatTime(next.closedFrom, language) })})` : ''}
    </p>
  );
};

/** Contact details, today's opening hours and the next closing day, on every portal page. */
export const CityFooter = () => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const language = currentLanguage();
  if (!city) return <PageFooter aria-busy="true" />;
  const { address, contact } = city;
  return (
    <PageFooter>
      <div className="gv-footer">
        <section className="gv-footer__section" aria-labelledby="footer-contact">
          <Heading level={2} appearance={3} id="footer-contact">
            {t('footer.contactTitle')}
          </Heading>
          <address className="gv-footer__address">
            <strong>{localized(city.name, language)}</strong>
            <br />
            {address.street} {address.number}
            <br />
            {address.postcode} {address.municipality}
          </address>
          <ul className="gv-plain-list">
            <li>
              {t('footer.phone')}: <ExternalLink href={telHref(contact.phone)}>{contact.phone}</ExternalLink>
            </li>
            <li>
              {t('footer.email')}: <ExternalLink href={`mailto:${contact.email}`}>{contact.email}</ExternalLink>
            </li>
            <li>
              {t('footer.website')}: <ExternalLink href={contact.website}>{contact.website.replace(/^https:\/\//, '')}</ExternalLink>
            </li>
          </ul>
        </section>
        <section className="gv-footer__section" aria-labelledby="footer-hours">
          <Heading level={2} appearance={3} id="footer-hours">
            {t('footer.hoursTitle')}
          </Heading>
          <p className="gv-footer__date">
            <time dateTime={city.today.date}>{formatLocalDate(city.today.date, language)}</time>
          </p>
          <dl className="gv-hours">
            {footerChannels
              .filter((id) => city.today.channels[id].available)
              .map((id) => (
                <div key={id} className="gv-hours__row">
                  <dt>{t(`channels.${id}`)}</dt>
                  <dd>
                    <ChannelHours today={city.today.channels[id]} />
                  </dd>
                </div>
              ))}
          </dl>
        </section>
        <section className="gv-footer__section" aria-labelledby="footer-closing">
          <Heading level={2} appearance={3} id="footer-closing">
            {t('footer.closingTitle')}
          </Heading>
          <NextClosingDay city={city} />
        </section>
      </div>
    </PageFooter>
  );
};
