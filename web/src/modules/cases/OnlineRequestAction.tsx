import { useTranslation } from 'react-i18next';
import { ButtonLink, Icon } from '../../ui/index.ts';
import { onlineRequestPath } from './case-display.rules.ts';
import { useProductForm } from './cases.api.ts';

/**
 * "Online aanvragen" on a product page: shown when the catalogue offers the product online and the
 * cases module has a form for it. Nothing while the form is being asked for, so the page does not jump.
 */
export const OnlineRequestAction = ({ product }: { product: { slug: string; channels: { online?: { available: boolean } | undefined } } }) => {
  const { t } = useTranslation();
  const offered = product.channels.online?.available === true;
  const form = useProductForm(product.slug, offered);
  const path = onlineRequestPath(product, form.isSuccess);
  if (!path) return null;
  return (
    <p className="gv-online-request">
      <ButtonLink to={path} appearance="primary-action">
        <Icon name="screen" />
        {t(product.slug === 'vraag' ? 'cases.request.askCta' : 'cases.request.cta')}
      </ButtonLink>
    </p>
  );
};
