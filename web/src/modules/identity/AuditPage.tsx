import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city.ts';
import { fieldDomId, flattenFieldErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Button,
  ErrorSummary,
  FormField,
  fieldIds,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '../../ui/index.ts';
import { auditFilterFormSchema } from './audit-filters.rules.ts';
import { type AuditFilters, useAuditSearch } from './identity.api.ts';
import { formatDateTime, organisationName, parseAuditRole, roleWithTeam, teamName } from './identity-display.rules.ts';
import './identity.css';

type AuditFormValues = { nationalNumber: string; action: string; from: string; to: string };

const formId = 'audit';
const fields = ['nationalNumber', 'action', 'from', 'to'] as const;
const actorKinds = ['staff', 'resident', 'system', 'anonymous'] as const;

/**
 * `/werk/audit` (audit:search): who did what, when and why, newest first, 50 at a time. Searching
 * starts on the button, never by itself: every search is written to the audit log too.
 */
export const AuditPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('identity.audit.title'));
  const { data: city } = useCity();
  const language = currentLanguage();
  const [query, setQuery] = useState<{ filters: AuditFilters; run: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const search = useAuditSearch(query);
  const form = useForm<AuditFormValues, unknown, AuditFilters>({
    ...formOptions,
    resolver: zodFormResolver(auditFilterFormSchema, {
      messages: (_issue, path) =>
        path === 'action'
          ? t('identity.audit.actionInvalid')
          : path === 'to' && _issue.code === 'custom'
            ? t('identity.audit.dateOrder')
            : path === 'from' || path === 'to'
              ? t('identity.audit.dateInvalid')
              : undefined,
    }),
    defaultValues: { nationalNumber: '', action: '', from: '', to: '' },
  });
  const { errors } = form.formState;
  const summary = flattenFieldErrors(errors, fields).map((item) => ({ id: fieldDomId(formId, item.path), message: item.message }));
  const submit = form.handleSubmit(
    (filters) => setQuery((previous) => ({ filters, run: (previous?.run ?? 0) + 1 })),
    () => setAttempt((n) => n + 1),
  );

  const rows = search.data?.pages.flatMap((page) => page.items) ?? [];
  const field = (name: (typeof fields)[number], type: 'text' | 'date', hint?: string) => {
    const id = fieldDomId(formId, name);
    const error = errors[name]?.message;
    return (
      <FormField id={id} label={t(`identity.audit.${name}`)} description={hint} error={error}>
        <Textbox
          id={id}
          type={type}
          autoComplete="off"
          spellCheck={false}
          inputMode={name === 'nationalNumber' ? 'numeric' : undefined}
          invalid={Boolean(error)}
          describedBy={[hint && fieldIds(id).description, error && fieldIds(id).error]}
          {...form.register(name)}
        />
      </FormField>
    );
  };
  const roles = (labels: string[]) =>
    labels
      .map((label) => {
        const parsed = parseAuditRole(label);
        return parsed ? roleWithTeam(t(`identity.roles.${parsed.role}`), parsed.team, (id) => teamName(city, id, language)) : label;
      })
      .join(', ');

  return (
    <div className="gv-stack">
      <Heading level={1}>{t('identity.audit.title')}</Heading>
      <Paragraph lead>{t('identity.audit.intro')}</Paragraph>
      <form className="gv-form gv-audit-form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('identity.audit.formLabel')}>
        <ErrorSummary title={t('identity.form.errorTitle')} items={summary} attempt={attempt} />
        {field('nationalNumber', 'text', t('identity.audit.nationalNumberHint'))}
        {field('action', 'text', t('identity.audit.actionHint'))}
        <div className="gv-date-range">
          {field('from', 'date')}
          {field('to', 'date')}
        </div>
        <div>
          <Button type="submit" appearance="primary-action" disabled={search.isFetching && !search.isFetchingNextPage}>
            {t('identity.audit.search')}
          </Button>
        </div>
      </form>

      {query && search.isPending ? <Loading /> : null}
      {search.isError ? <QueryAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
      {search.data ? (
        <section aria-labelledby="audit-results" className="gv-stack">
          <Heading level={2} id="audit-results">
            {t('identity.audit.results')}
          </Heading>
          <Paragraph role="status">{rows.length === 0 ? t('identity.audit.empty') : t('identity.audit.count', { count: rows.length })}</Paragraph>
          {rows.length > 0 ? (
            <Table label={t('identity.audit.caption')} className="gv-audit-table">
              <TableCaption>{t('identity.audit.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('identity.audit.when')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.audit.who')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.audit.organisation')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.audit.actionColumn')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.audit.purpose')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell>
                      <time dateTime={row.at}>{formatDateTime(row.at, language)}</time>
                    </TableCell>
                    <TableCell>
                      <span className="gv-audit__who">
                        {row.actorName ?? t(`identity.audit.actorKinds.${actorKinds.find((k) => k === row.actorKind) ?? 'anonymous'}`)}
                      </span>
                      {row.actorRoles.length > 0 ? <span className="gv-audit__roles">{roles(row.actorRoles)}</span> : null}
                    </TableCell>
                    <TableCell>
                      {row.organisation ? organisationName(city, row.organisation, language) : ''}
                      {row.team ? <span className="gv-audit__team">{teamName(city, row.team, language)}</span> : null}
                    </TableCell>
                    <TableCell>
                      <code>{row.action}</code>
                    </TableCell>
                    <TableCell>{row.purpose ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          {search.hasNextPage ? (
            <div>
              <Button appearance="secondary-action" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
                {search.isFetchingNextPage ? t('identity.audit.loadingMore') : t('identity.audit.more')}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
};
