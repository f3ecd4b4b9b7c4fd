import { useTranslation } from 'react-i18next';
import type { ProductVersion } from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Button, Heading, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.ts';
import { useProductVersions } from './catalog-editor.api.ts';
import { fieldLabel, formatDateTime } from './catalog-editor.rules.ts';

/** Who changed what when, newest first; every older version can be restored (as a new version). */
export const ProductVersionHistory = ({
  slug,
  current,
  onRestore,
  restoring,
}: {
  slug: string;
  current: number;
  onRestore: (version: number) => void;
  restoring: boolean;
}) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const versions = useProductVersions(slug);
  const what = (version: ProductVersion): string => {
    const kind = t(`catalogEditor.history.changes.${version.change}`, { version: version.restoredFrom ?? '' });
    if (version.changedFields.length === 0) return kind;
    return `${kind}: ${version.changedFields.map((field) => fieldLabel(field, (key) => t(key as never))).join(', ')}`;
  };
  return (
    <section className="gv-stack" aria-labelledby="editor-history-title">
      <Heading level={2} id="editor-history-title">
        {t('catalogEditor.history.title')}
      </Heading>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <QueryAlert error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.data ? (
        <Table label={t('catalogEditor.history.caption')}>
          <TableCaption>{t('catalogEditor.history.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('catalogEditor.history.version')}</TableHeaderCell>
              <TableHeaderCell>{t('catalogEditor.history.when')}</TableHeaderCell>
              <TableHeaderCell>{t('catalogEditor.history.who')}</TableHeaderCell>
              <TableHeaderCell>{t('catalogEditor.history.what')}</TableHeaderCell>
              <TableHeaderCell>{t('catalogEditor.history.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.data.items.map((version) => (
              <TableRow key={version.version}>
                <TableCell>
                  {version.version} {version.version === current ? <StatusBadge status="neutral">{t('catalogEditor.history.current')}</StatusBadge> : null}
                </TableCell>
                <TableCell>
                  <time dateTime={version.changedAt}>{formatDateTime(version.changedAt, language)}</time>
                </TableCell>
                <TableCell>{version.changedBy.kind === 'sync' ? t('catalogEditor.history.sync') : version.changedBy.name}</TableCell>
                <TableCell>
                  {what(version)}
                  {' · '}
                  {t(version.published ? 'catalogEditor.status.published' : 'catalogEditor.status.unpublished')}
                </TableCell>
                <TableCell>
                  {version.version === current ? null : (
                    <Button appearance="subtle" disabled={restoring} onClick={() => onRestore(version.version)}>
                      {t('catalogEditor.history.restore', { version: version.version })}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
};
