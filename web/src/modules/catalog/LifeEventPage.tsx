import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Heading, Link, Paragraph } from '../../ui/index.ts';
import { useLifeEvents, useProducts } from './catalog.api.ts';
import './catalog.css';

/** `/levensgebeurtenis/:id`: everything to arrange in one situation ("Ik verhuis"), with each short answer. */
export const LifeEventPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const events = useLifeEvents();
  const products = useProducts();
  const event = events.data?.items.find((item) => item.id === id);
  usePageTitle(event?.label ?? '');
  if (events.isPending) return <Loading />;
  if (events.isError) return <QueryAlert error={events.error} onRetry={() => void events.refetch()} />;
  if (!event) return <NotFoundPage />;
  const shortAnswer = (slug: string) => products.data?.items.find((product) => product.slug === slug)?.shortAnswer;
  return (
    <div className="gv-stack">
      <Heading level={1}>{event.label}</Heading>
      <section aria-labelledby="life-event-products">
        <Heading level={2} id="life-event-products">
          {t('catalog.lifeEvent.productsTitle')}
        </Heading>
        {event.products.length === 0 ? <Paragraph>{t('catalog.lifeEvent.none')}</Paragraph> : null}
        <ul className="gv-results">
          {event.products.map((product) => (
            <li key={product.slug}>
              <Heading level={3}>
                <Link to={`/producten/${product.slug}`}>{product.title}</Link>
              </Heading>
              {shortAnswer(product.slug) ? <Paragraph>{shortAnswer(product.slug)}</Paragraph> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
};
