import { useTranslation } from 'react-i18next';
import { localized } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.ts';
import { useDataAccess } from './identity.api.ts';
import { dataAccessKind, formatDateTime } from './identity-display.rules.ts';

/**
 * "Wie bekeek mijn gegevens": every read of the resident's file by staff or a partner, with the
 * organisation, team and purpose, like the national register's "who consulted my data".
 */
export const DataAccessSection = ({ hasRegisterFile }: { hasRegisterFile: boolean }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const access = useDataAccess(hasRegisterFile);
  const items = access.data?.items ?? [];
  const showEmployee = access.data?.employeeNamesShown ?? false;
  return (
    <section aria-labelledby="data-access-title" className="gv-stack">
      <Heading level={2} id="data-access-title">
        {t('identity.dataAccess.title')}
      </Heading>
      <Paragraph>{t('identity.dataAccess.intro')}</Paragraph>
      {!hasRegisterFile ? <Paragraph>{t('identity.dataAccess.emailLogin')}</Paragraph> : null}
      {hasRegisterFile && access.isPending ? <Loading /> : null}
      {access.isError ? <QueryAlert error={access.error} onRetry={() => void access.refetch()} /> : null}
      {access.data && items.length === 0 ? <Paragraph>{t('identity.dataAccess.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <Table label={t('identity.dataAccess.caption')}>
          <TableCaption>{t('identity.dataAccess.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('identity.dataAccess.when')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.dataAccess.organisation')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.dataAccess.team')}</TableHeaderCell>
              {showEmployee ? <TableHeaderCell>{t('identity.dataAccess.employee')}</TableHeaderCell> : null}
              <TableHeaderCell>{t('identity.dataAccess.what')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.dataAccess.purpose')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item, index) => (
              // Rows have no id of their own; the list is newest first and does not change while shown.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <TableRow key={`${item.at}-${index}`}>
                <TableCell>
                  <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>
                </TableCell>
                <TableCell>{localized(item.organisation.name, language)}</TableCell>
                <TableCell>{item.team ? localized(item.team.name, language) : t('identity.dataAccess.noTeam')}</TableCell>
                {showEmployee ? <TableCell>{item.employee ?? ''}</TableCell> : null}
                <TableCell>{t(`identity.dataAccess.kinds.${dataAccessKind(item.action)}`)}</TableCell>
                <TableCell>{item.purpose ?? t('identity.dataAccess.noPurpose')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Paragraph className="gv-muted">{t('identity.dataAccess.question')}</Paragraph>
    </section>
  );
};
