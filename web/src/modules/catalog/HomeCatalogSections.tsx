import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Heading } from '../../ui/index.ts';
import { useLifeEvents, useProducts } from './catalog.api.ts';
import { homeLifeEvents, pickInOrder, popularProductSlugs } from './catalog-display.rules.ts';
import './catalog.css';

/** The home page's entries by situation ("Ik verhuis"), each to its life-event page. */
export const LifeEventEntries = () => {
  const { t } = useTranslation();
  const events = useLifeEvents();
  const items = pickInOrder(
    (events.data?.items ?? []).map((item) => ({ ...item, slug: item.id })),
    homeLifeEvents,
  );
  return (
    <section aria-labelledby="life-events-title">
      <Heading level={2} id="life-events-title">
        {t('catalog.home.lifeEventsTitle')}
      </Heading>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <QueryAlert error={events.error} onRetry={() => void events.refetch()} /> : null}
      <ul className="gv-link-grid">
        {items.map((item) => (
          <li key={item.id}>
            <RouterLink className="utrecht-link utrecht-link--html-a" to={`/levensgebeurtenis/${item.id}`}>
              {item.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** Six products residents ask about most, straight to their pages. */
export const PopularProducts = () => {
  const { t } = useTranslation();
  const products = useProducts();
  const items = pickInOrder(products.data?.items ?? [], popularProductSlugs);
  return (
    <section aria-labelledby="popular-title">
      <Heading level={2} id="popular-title">
        {t('catalog.home.popularTitle')}
      </Heading>
      {products.isPending ? <Loading /> : null}
      {products.isError ? <QueryAlert error={products.error} onRetry={() => void products.refetch()} /> : null}
      <ul className="gv-link-grid">
        {items.map((item) => (
          <li key={item.slug}>
            <RouterLink className="utrecht-link utrecht-link--html-a" to={`/producten/${item.slug}`}>
              {item.title}
            </RouterLink>
          </li>
        ))}
      </ul>
    </section>
  );
};
