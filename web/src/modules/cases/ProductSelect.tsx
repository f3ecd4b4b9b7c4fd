import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { FormField, fieldIds, Select } from '../../ui/index.ts';
import { useProductChoices } from './cases.api.ts';

/** A choice among the catalogue's published products (assisted intake, the routing tester), named `product`. */
export const ProductSelect = ({
  id,
  label,
  error,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; error?: string | undefined }) => {
  const { t } = useTranslation();
  const products = useProductChoices();
  return (
    <>
      {products.isError ? <QueryAlert error={products.error} onRetry={() => void products.refetch()} /> : null}
      <FormField id={id} label={label} error={error}>
        <Select id={id} name="product" invalid={Boolean(error)} describedBy={[error && fieldIds(id).error]} {...props}>
          <option value="">{t('cases.form.choose')}</option>
          {(products.data?.items ?? []).map((item) => (
            <option key={item.slug} value={item.slug}>
              {item.title}
            </option>
          ))}
        </Select>
      </FormField>
    </>
  );
};
