import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityResponse } from '../../../../shared/src/city/index.ts';
import { LifeEventEntries, PopularProducts, SearchBox } from '../../modules/catalog/index.ts';
import { ButtonLink, ExternalButtonLink, Heading, Icon, type IconName, Paragraph } from '../../ui/index.ts';
import { ChannelHours } from '../ChannelHours.tsx';
import { useCity } from '../city.ts';
import { localized, telHref } from '../city-display.rules.ts';
import { currentLanguage } from '../i18n.ts';
import { usePageTitle } from '../page-title.ts';
import { Loading, QueryAlert } from '../QueryAlert.tsx';

const ChannelCard = ({ id, icon, title, children, action }: { id: string; icon: IconName; title: string; children: ReactNode; action: ReactNode }) => (
  <li className="gv-card">
    <Icon name={icon} className="gv-card__icon" />
    <Heading level={3} id={`channel-${id}`} className="gv-card__title">
      {title}
    </Heading>
    <div className="gv-card__body">{children}</div>
    <div className="gv-card__action">{action}</div>
  </li>
);

const Today = ({ label, children }: { label: string; children: ReactNode }) => (
  <p className="gv-card__today">
    <strong>{label}:</strong> {children}
  </p>
);

/** The four ways to reach the city (click, call, face, home), each with what is open today. */
const Channels = ({ city }: { city: CityResponse }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { channels, today, contact } = city;
  const note = (id: 'home') => channels[id].note;
  return (
    <ul className="gv-cards">
      {channels.online.available ? (
        <ChannelCard
          id="online"
          icon="screen"
          title={t('portal.home.click.title')}
          action={
            <ButtonLink to="/aanmelden" appearance="primary-action">
              {t('portal.home.click.action')}
            </ButtonLink>
          }
        >
          <Paragraph>{t('portal.home.click.text')}</Paragraph>
          <Today label={t('portal.home.today')}>
            <ChannelHours today={today.channels.online} />
          </Today>
        </ChannelCard>
      ) : null}
      {channels.phone.available ? (
        <ChannelCard
          id="phone"
          icon="phone"
          title={t('portal.home.call.title')}
          action={
            <ExternalButtonLink href={telHref(contact.phone)} appearance="primary-action">
              {t('portal.home.call.action', { phone: contact.phone })}
            </ExternalButtonLink>
          }
        >
          <Paragraph>{t('portal.home.call.text')}</Paragraph>
          <Today label={t('portal.home.today')}>
            <ChannelHours today={today.channels.phone} />
          </Today>
        </ChannelCard>
      ) : null}
      {channels.counter.available || channels['quick-desk'].available ? (
        <ChannelCard
          id="face"
          icon="building"
          title={t('portal.home.face.title')}
          action={
            <ButtonLink to="/afspraak" appearance="primary-action">
              {t('portal.home.face.action')}
            </ButtonLink>
          }
        >
          <Paragraph>{t('portal.home.face.text')}</Paragraph>
          <dl className="gv-hours gv-hours--compact">
            {(['counter', 'quick-desk'] as const)
              .filter((id) => channels[id].available)
              .map((id) => (
                <div key={id} className="gv-hours__row">
                  <dt>{t(`channels.${id}`)}</dt>
                  <dd>
                    <ChannelHours today={today.channels[id]} />
                  </dd>
                </div>
              ))}
          </dl>
        </ChannelCard>
      ) : null}
      {channels.home.available ? (
        <ChannelCard
          id="home"
          icon="home"
          title={t('portal.home.home.title')}
          action={
            <ExternalButtonLink href={telHref(contact.phone)} appearance="secondary-action">
              {t('portal.home.home.action')}
            </ExternalButtonLink>
          }
        >
          <Paragraph>{note('home') ? localized(note('home')!, language) : t('portal.home.home.text')}</Paragraph>
        </ChannelCard>
      ) : null}
    </ul>
  );
};

/** The portal's start page: a welcome, the search box, life events, popular questions and the channels. */
export const HomePage = () => {
  const { t } = useTranslation();
  const city = useCity();
  const language = currentLanguage();
  usePageTitle(t('portal.home.pageTitle'));
  const cityName = city.data ? localized(city.data.name, language) : '';
  return (
    <div className="gv-stack gv-stack--loose">
      <section className="gv-hero" aria-labelledby="home-title">
        <Heading level={1} id="home-title">
          {cityName ? t('portal.home.title', { city: cityName }) : t('portal.home.pageTitle')}
        </Heading>
        <Paragraph lead>{t('portal.home.intro')}</Paragraph>
        <SearchBox id="search-q" />
      </section>
      <LifeEventEntries />
      <PopularProducts />
      <section aria-labelledby="channels-title">
        <Heading level={2} id="channels-title">
          {t('portal.home.channelsTitle')}
        </Heading>
        {city.isPending ? <Loading /> : null}
        {city.isError ? <QueryAlert error={city.error} onRetry={() => void city.refetch()} /> : null}
        {city.data ? <Channels city={city.data} /> : null}
      </section>
    </div>
  );
};
