import { useTranslation } from 'react-i18next';
import { ButtonLink, Icon } from '../../ui/index.ts';
import { bookingPath } from './appointment-display.rules.ts';
import './appointments.css';
import { useBookableProducts } from './appointments.api.ts';

/**
 * "Maak een afspraak" on a product page, when the product can be booked (the appointments API
 * says so). Nothing while that answer is on its way, so the page does not jump.
 */
export const BookAppointmentAction = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const products = useBookableProducts();
  const product = products.data?.items.find((item) => item.slug === slug);
  if (!product) return null;
  return (
    <p className="gv-appointment-action">
      <ButtonLink
        to={bookingPath({ product: slug, channel: null, from: null, start: null })}
        appearance={product.required ? 'primary-action' : 'secondary-action'}
      >
        <Icon name="calendar" />
        {t('appointments.productAction')}
      </ButtonLink>
    </p>
  );
};
