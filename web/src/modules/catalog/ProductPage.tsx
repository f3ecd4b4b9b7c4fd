import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProductView } from '../../../../shared/src/catalog/catalog.contract.ts';
import { cityChannelIdByProductChannel, type ProductChannelId } from '../../../../shared/src/catalog/product.schema.ts';
import type { CityResponse } from '../../../../shared/src/city/index.ts';
import { ApiError } from '../../app/api.ts';
import { ChannelHours } from '../../app/ChannelHours.tsx';
import { useCity } from '../../app/city.ts';
import { formatLocalDate, localized } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { ExternalLink, Heading, Icon, type IconName, Link, Paragraph, StatusBadge } from '../../ui/index.ts';
import { BookAppointmentAction } from '../appointments/index.ts';
import { OnlineRequestAction } from '../cases/index.ts';
import { useProduct, useProductSchemaOrg } from './catalog.api.ts';
import { formatEuro, orderedChannels, unavailableChannels } from './catalog-display.rules.ts';
import './catalog.css';

const channelIcons: Record<ProductChannelId, IconName> = {
  online: 'screen',
  phone: 'phone',
  counter: 'building',
  quickDesk: 'building',
  kiosk: 'screen',
  home: 'home',
  partner: 'globe',
};

const inCityHall: ReadonlySet<ProductChannelId> = new Set(['counter', 'quickDesk', 'kiosk']);

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section aria-labelledby={id}>
    <Heading level={2} id={id}>
      {title}
    </Heading>
    {children}
  </section>
);

/** One way to get the product: what it takes, whether an appointment is needed and today's hours. */
const Channel = ({
  id,
  channel,
  city,
}: {
  id: ProductChannelId;
  channel: NonNullable<ProductView['channels'][ProductChannelId]>;
  city: CityResponse | undefined;
}) => {
  const { t } = useTranslation();
  const cityChannelId = cityChannelIdByProductChannel[id];
  const today = cityChannelId && city ? city.today.channels[cityChannelId] : undefined;
  const partner = channel.partnerId ? city?.partners.find((item) => item.id === channel.partnerId) : undefined;
  return (
    <li className="gv-channel">
      <Heading level={3}>
        <Icon name={channelIcons[id]} />
        {partner ? `${t(`catalog.product.channels.${id}`)}: ${localized(partner.name, currentLanguage())}` : t(`catalog.product.channels.${id}`)}
      </Heading>
      {channel.conditions ? <Paragraph>{channel.conditions}</Paragraph> : null}
      {channel.appointment ? <Paragraph>{t(`catalog.product.appointment.${channel.appointment}`)}</Paragraph> : null}
      {channel.leadTime ? (
        <Paragraph>
          <strong>{t('catalog.product.leadTime')}</strong> {channel.leadTime}
        </Paragraph>
      ) : null}
      {channel.automated24x7 ? (
        <Paragraph>
          <strong>{t('catalog.product.today')}:</strong> {t('catalog.product.anyTime')}
        </Paragraph>
      ) : today?.available ? (
        <Paragraph>
          <strong>{t('catalog.product.today')}:</strong> <ChannelHours today={today} />
        </Paragraph>
      ) : null}
      {channel.url ? (
        <Paragraph>
          <ExternalLink href={channel.url}>{t('catalog.product.website')}</ExternalLink>
        </Paragraph>
      ) : null}
    </li>
  );
};

/**
 * A channel that does not serve the product, with why ("Not online. You come in for your
 * fingerprints."). The words say it, not only the muted style, so a screen reader hears it too.
 */
const UnavailableChannel = ({ id, conditions }: { id: ProductChannelId; conditions: string | undefined }) => {
  const { t } = useTranslation();
  return (
    <li className="gv-channel gv-channel--unavailable">
      <Paragraph>
        <strong>{t(`catalog.product.notAvailable.${id}`)}</strong>
        {conditions ? ` ${conditions}` : null}
      </Paragraph>
    </li>
  );
};

/**
 * A product as residents read it: the product page's content, also shown by the catalogue editor's
 * preview. `action` (the product page's "Online aanvragen") follows the short answer.
 */
export const ProductArticle = ({ product, action }: { product: ProductView; action?: ReactNode }) => {
  const { t } = useTranslation();
  const city = useCity();
  const language = currentLanguage();
  const channels = orderedChannels(product.channels);
  const notHere = unavailableChannels(product.channels);
  const closingDays = channels.some(({ id }) => inCityHall.has(id)) ? (city.data?.upcomingClosingDays ?? []) : [];
  const hasExample = product.costs.some((cost) => cost.example) || product.financialAdvantages.some((advantage) => advantage.example);
  return (
    <article className="gv-stack gv-product">
      <Heading level={1}>{product.title}</Heading>
      <Paragraph lead className="gv-answer">
        {product.shortAnswer}
      </Paragraph>
      {action}
      <Paragraph>{product.description}</Paragraph>
      <Section id="how" title={t('catalog.product.howTitle')}>
        <ol className="gv-channels">
          {channels.map(({ id, channel }) => (
            <Channel key={id} id={id} channel={channel} city={city.data} />
          ))}
        </ol>
        {closingDays.length > 0 ? (
          <>
            <Paragraph>{t('catalog.product.closingDays')}</Paragraph>
            <ul className="gv-facts">
              {closingDays.map((day) => (
                <li key={day.date}>
                  {formatLocalDate(day.date, language)} ({localized(day.name, language)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {notHere.length > 0 ? (
          <>
            <Heading level={3} id="how-not">
              {t('catalog.product.notAvailableTitle')}
            </Heading>
            <ul className="gv-channels gv-channels--unavailable" aria-labelledby="how-not">
              {notHere.map(({ id, channel }) => (
                <UnavailableChannel key={id} id={id} conditions={channel.conditions} />
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      {product.requirements.length > 0 ? (
        <Section id="requirements" title={t('catalog.product.requirementsTitle')}>
          <ul className="gv-facts">
            {product.requirements.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {product.evidence.length > 0 ? (
        <Section id="evidence" title={t('catalog.product.evidenceTitle')}>
          <ul className="gv-facts">
            {product.evidence.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="procedure" title={t('catalog.product.procedureTitle')}>
        <ol className="gv-facts gv-steps">
          {product.procedure.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ol>
      </Section>
      {product.costs.length > 0 ? (
        <Section id="costs" title={t('catalog.product.costsTitle')}>
          <ul className="gv-facts">
            {product.costs.map((cost) => (
              <li key={`${cost.label}-${cost.channel ?? ''}`}>
                <span className="gv-cost">
                  <span>{cost.label}:</span>
                  <strong>{cost.amountEur === 0 ? t('catalog.product.free') : formatEuro(cost.amountEur, language)}</strong>
                  {cost.channel ? <span>({t('catalog.product.onChannel', { channel: t(`catalog.product.channels.${cost.channel}`) })})</span> : null}
                  {cost.example ? <StatusBadge status="warning">{t('catalog.product.example')}</StatusBadge> : null}
                </span>
              </li>
            ))}
          </ul>
          {hasExample ? <Paragraph>{t('catalog.product.exampleNote')}</Paragraph> : null}
        </Section>
      ) : null}
      {product.financialAdvantages.length > 0 ? (
        <Section id="advantages" title={t('catalog.product.advantagesTitle')}>
          <ul className="gv-facts">
            {product.financialAdvantages.map((advantage) => (
              <li key={advantage.label}>
                <span className="gv-cost">
                  <span>{advantage.amountEur === undefined ? advantage.label : `${advantage.label}:`}</span>
                  {advantage.amountEur === undefined ? null : <strong>{formatEuro(advantage.amountEur, language)}</strong>}
                  {advantage.example ? <StatusBadge status="warning">{t('catalog.product.example')}</StatusBadge> : null}
                </span>
              </li>
            ))}
          </ul>
          {hasExample && product.costs.length === 0 ? <Paragraph>{t('catalog.product.exampleNote')}</Paragraph> : null}
        </Section>
      ) : null}
      <Section id="processing" title={t('catalog.product.processingTitle')}>
        <Paragraph>{product.processingTime.text}</Paragraph>
      </Section>
      {product.legalBasis.length > 0 ? (
        <Section id="legal" title={t('catalog.product.legalTitle')}>
          <ul className="gv-facts">
            {product.legalBasis.map((basis) => (
              <li key={basis.url}>
                <ExternalLink href={basis.url}>{basis.label}</ExternalLink>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {product.relatedProducts.length > 0 || product.lifeEvents.length > 0 ? (
        <Section id="related" title={t('catalog.product.relatedTitle')}>
          <ul className="gv-link-grid">
            {product.lifeEvents.map((event) => (
              <li key={event.id}>
                <Link to={`/levensgebeurtenis/${event.id}`}>{event.label}</Link>
              </li>
            ))}
            {product.relatedProducts.map((related) => (
              <li key={related.slug}>
                <Link to={`/producten/${related.slug}`}>{related.title}</Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </article>
  );
};

/**
 * The product's schema.org GovernmentService for search engines, as the server describes it. The
 * server escapes "<", so the text cannot end the element early; React puts it in as text.
 */
const SchemaOrgScript = ({ slug }: { slug: string }) => {
  const jsonLd = useProductSchemaOrg(slug);
  return jsonLd.data ? <script type="application/ld+json">{jsonLd.data}</script> : null;
};

/**
 * `/producten/:slug`: answers "how do I do this?" with the channels click, call, face, home, and
 * offers "Online aanvragen" and "Maak een afspraak" where the product has them.
 */
export const ProductPage = () => {
  const { slug = '' } = useParams();
  const product = useProduct(slug);
  usePageTitle(product.data?.title ?? '');
  if (product.isPending) return <Loading />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) return <NotFoundPage />;
    return <QueryAlert error={product.error} onRetry={() => void product.refetch()} />;
  }
  return (
    <>
      <SchemaOrgScript slug={slug} />
      <ProductArticle
        product={product.data}
        action={
          <div className="gv-product-actions">
            <OnlineRequestAction product={product.data} />
            <BookAppointmentAction slug={product.data.slug} />
          </div>
        }
      />
    </>
  );
};
