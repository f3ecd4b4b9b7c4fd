import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useSearchParams } from 'react-router';
import type { EditorListQuery } from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Button,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '../../ui/index.ts';
import { useEditorProducts } from './catalog-editor.api.ts';
import { formatDateTime } from './catalog-editor.rules.ts';
import './catalog-editor.css';

const statuses = ['all', 'published', 'unpublished'] as const;
type Status = (typeof statuses)[number];

const asStatus = (value: string | null): Status => ((statuses as readonly string[]).includes(value ?? '') ? (value as Status) : 'all');

/** `/werk/catalogus`: every product of the catalogue, published or not, to search and open for editing. */
export const CatalogEditorListPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('catalogEditor.list.title'));
  const language = currentLanguage();
  // The filter lives in the address (a GET form), so a list can be shared and the back button returns to it.
  const [params] = useSearchParams();
  const filter: EditorListQuery = { q: params.get('q') ?? '', status: asStatus(params.get('status')) };
  const products = useEditorProducts(filter);
  const ids = { q: useId(), status: useId() };

  const count = products.data?.items.length ?? 0;
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('catalogEditor.list.title')}</Heading>
      <Paragraph lead>{t('catalogEditor.list.intro')}</Paragraph>
      <Form method="get" className="gv-editor-filter" role="search" aria-label={t('catalogEditor.list.searchLabel')}>
        <FormField id={ids.q} label={t('catalogEditor.list.q')}>
          <Textbox id={ids.q} name="q" type="search" defaultValue={filter.q} key={filter.q} />
        </FormField>
        <FormField id={ids.status} label={t('catalogEditor.list.status')}>
          <Select id={ids.status} name="status" defaultValue={filter.status} key={filter.status}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`catalogEditor.list.statuses.${status}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <Button type="submit" appearance="primary-action">
          {t('catalogEditor.list.filter')}
        </Button>
      </Form>
      {products.isPending ? <Loading /> : null}
      {products.isError ? <QueryAlert error={products.error} onRetry={() => void products.refetch()} /> : null}
      {products.data ? (
        <Paragraph role="status" aria-live="polite">
          {t('catalogEditor.list.count', { count })}
        </Paragraph>
      ) : null}
      {products.data && count > 0 ? (
        <Table label={t('catalogEditor.list.caption')}>
          <TableCaption>{t('catalogEditor.list.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('catalogEditor.list.product')}</TableHeaderCell>
              <TableHeaderCell>{t('catalogEditor.list.status')}</TableHeaderCell>
              <TableHeaderCell>{t('catalogEditor.list.lastChange')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {products.data.items.map((item) => (
              <TableRow key={item.slug}>
                <TableCell>
                  <Link to={`/werk/catalogus/${item.slug}`}>{item.title[language]}</Link>
                  <span className="gv-editor-slug">{item.slug}</span>
                </TableCell>
                <TableCell>
                  <span className="gv-editor-badges">
                    <StatusBadge status={item.published ? 'success' : 'neutral'}>
                      {t(item.published ? 'catalogEditor.status.published' : 'catalogEditor.status.unpublished')}
                    </StatusBadge>
                    {item.exampleValues ? <StatusBadge status="warning">{t('catalogEditor.status.examples')}</StatusBadge> : null}
                  </span>
                </TableCell>
                <TableCell>
                  {t('catalogEditor.list.changed', {
                    version: item.version,
                    date: formatDateTime(item.updatedAt, language),
                    who: item.updatedBy.kind === 'sync' ? t('catalogEditor.history.sync') : item.updatedBy.name,
                  })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
};
