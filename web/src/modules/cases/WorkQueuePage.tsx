import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { caseChannels, caseStatuses } from '../../../../shared/src/cases/index.ts';
import { ApiError } from '../../app/api.ts';
import { useCity } from '../../app/city.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Alert,
  Button,
  ButtonLink,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
} from '../../ui/index.ts';
import { useMe } from '../identity/index.ts';
import { BulkAssignForm, coordinatedTeams, SelectAllCheckbox, SelectCaseCheckbox, useBulkSelection } from './BulkAssign.tsx';
import { CaseStatusBadge, Deadline } from './CaseParts.tsx';
import { hasQueueFilters, type QueueFilters, queueFiltersOf } from './case-display.rules.ts';
import { useClaimFromQueue, useProductChoices, useQueue } from './cases.api.ts';

const filterKeys = ['product', 'status', 'due', 'channel', 'subMunicipality', 'assignee'] as const;

/** The queue's filters as a plain form that writes them into the address (so Back and a shared link keep them). */
const Filters = ({ filters }: { filters: QueueFilters }) => {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const products = useProductChoices();
  const { data: city } = useCity();
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of filterKeys) {
      const value = data.get(key);
      if (typeof value === 'string' && value) next.set(key, value);
    }
    setParams(next);
  };
  const select = (key: (typeof filterKeys)[number], options: { value: string; label: string }[]) => {
    const id = `queue-filter-${key}`;
    return (
      <FormField id={id} label={t(`cases.work.queue.filter.${key}`)}>
        <Select id={id} name={key} defaultValue={filters[key] ?? ''}>
          <option value="">{t('cases.work.queue.filter.all')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </FormField>
    );
  };
  return (
    // The key remounts the form when the address changes (Back, "clear"), so the selects show what is applied.
    <form key={JSON.stringify(filters)} className="gv-queue-filters" aria-label={t('cases.work.queue.filterLabel')} onSubmit={apply}>
      <div className="gv-queue-filters__grid">
        {select(
          'product',
          (products.data?.items ?? []).map((product) => ({ value: product.slug, label: product.title })),
        )}
        {select(
          'status',
          caseStatuses.map((status) => ({ value: status, label: t(`cases.status.${status}`) })),
        )}
        {select('due', [
          { value: 'overdue', label: t('cases.deadline.overdue') },
          { value: 'due-soon', label: t('cases.deadline.due-soon') },
        ])}
        {select(
          'channel',
          caseChannels.map((channel) => ({ value: channel, label: t(`cases.channel.${channel}`) })),
        )}
        {select(
          'subMunicipality',
          (city?.subMunicipalities ?? []).map((place) => ({ value: place.name, label: place.name })),
        )}
        {select('assignee', [
          { value: 'none', label: t('cases.work.queue.filter.unassigned') },
          { value: 'me', label: t('cases.work.queue.filter.mine') },
        ])}
      </div>
      <div className="gv-button-row">
        <Button type="submit" appearance="primary-action">
          {t('cases.work.queue.filter.apply')}
        </Button>
        {hasQueueFilters(filters) ? (
          <ButtonLink to="?" appearance="secondary-action">
            {t('cases.work.queue.filter.clear')}
          </ButtonLink>
        ) : null}
      </div>
    </form>
  );
};

/**
 * `/werk/teams/:team`: the team's work queue, soonest due first, with filters and "claim". Only
 * who works the queue may open it (the server says so otherwise). No personal data: the case page
 * shows who asked, and that read is audited.
 */
export const WorkQueuePage = () => {
  const { t } = useTranslation();
  const { team = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = queueFiltersOf(params);
  const queue = useQueue(team, filters);
  const claim = useClaimFromQueue();
  const me = useMe();
  const [claimed, setClaimed] = useState<string | null>(null);
  const mayWork = me.data?.permissions.includes('cases:work') ?? false;
  // A coordinator of this team ticks cases and gives them to a colleague in one go.
  const mayBulkAssign = coordinatedTeams(me.data).includes(team);
  const selection = useBulkSelection(queue.data?.items ?? [], mayBulkAssign ? [team] : []);
  usePageTitle(queue.data?.team.name ?? t('cases.work.queue.title'));

  if (queue.isPending) return <Loading />;
  if (queue.isError) {
    const refused = queue.error instanceof ApiError && (queue.error.status === 403 || queue.error.status === 404);
    return (
      <div className="gv-stack">
        <Heading level={1}>{refused ? t('cases.work.queue.noAccessTitle') : t('cases.work.queue.title')}</Heading>
        <QueryAlert error={queue.error} onRetry={refused ? undefined : () => void queue.refetch()} />
        <p>
          <Link to="/werk">{t('cases.work.toOverview')}</Link>
        </p>
      </div>
    );
  }
  const { items, total, page, pageSize } = queue.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const goTo = (next: number) => {
    const copy = new URLSearchParams(params);
    if (next > 1) copy.set('page', String(next));
    else copy.delete('page');
    setParams(copy);
  };

  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{queue.data.team.name}</Heading>
        <Paragraph lead>{t('cases.work.queue.intro')}</Paragraph>
        {mayWork ? (
          <p>
            <Link to="/werk/aanvragen">{t('cases.work.queue.intake')}</Link>
          </p>
        ) : null}
      </div>
      <Filters filters={filters} />
      {claim.isError ? <QueryAlert error={claim.error} /> : null}
      {claimed ? (
        <Alert type="ok">
          <Paragraph>{t('cases.work.queue.claimed', { reference: claimed })}</Paragraph>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>{hasQueueFilters(filters) ? t('cases.work.queue.emptyFiltered') : t('cases.work.queue.empty')}</Paragraph>
      ) : (
        <Table label={t('cases.work.queue.caption', { team: queue.data.team.name })} className="gv-queue-table">
          <TableCaption>{t('cases.work.queue.captionCount', { team: queue.data.team.name, count: total })}</TableCaption>
          <TableHeader>
            <TableRow>
              {mayBulkAssign ? (
                <TableHeaderCell>
                  <SelectAllCheckbox selection={selection} />
                </TableHeaderCell>
              ) : null}
              <TableHeaderCell>{t('cases.case.reference')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.work.queue.product')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.case.status')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.work.queue.due')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.work.queue.channel')}</TableHeaderCell>
              <TableHeaderCell>{t('cases.work.queue.assignee')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id}>
                {mayBulkAssign ? (
                  <TableCell>
                    <SelectCaseCheckbox selection={selection} item={item} />
                  </TableCell>
                ) : null}
                <TableCell>
                  <Link to={`/werk/dossiers/${item.id}`}>{item.reference}</Link>
                </TableCell>
                <TableCell>
                  {item.product.title}
                  {item.subMunicipality ? <span className="gv-queue-table__place">{item.subMunicipality}</span> : null}
                </TableCell>
                <TableCell>
                  <CaseStatusBadge status={item.status} />
                </TableCell>
                <TableCell>
                  <Deadline deadline={item.deadline} />
                </TableCell>
                <TableCell>{t(`cases.channel.${item.channel}`)}</TableCell>
                <TableCell>
                  {item.assignee ? (
                    item.assignee.name
                  ) : mayWork && item.owner.kind === 'team' ? (
                    <Button
                      appearance="secondary-action"
                      disabled={claim.isPending}
                      onClick={() => claim.mutate(item.id, { onSuccess: () => setClaimed(item.reference) })}
                    >
                      {t('cases.work.queue.claim')}
                      <VisuallyHidden> {item.reference}</VisuallyHidden>
                    </Button>
                  ) : (
                    t('cases.work.nobody')
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {mayBulkAssign && items.length > 0 ? <BulkAssignForm team={team} selection={selection} items={items} /> : null}
      {pages > 1 ? (
        <nav aria-label={t('cases.work.queue.pages')} className="gv-button-row">
          <Button appearance="secondary-action" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            {t('cases.pages.previous')}
          </Button>
          <span className="gv-pages__where">{t('cases.pages.where', { page, pages })}</span>
          <Button appearance="secondary-action" disabled={page >= pages} onClick={() => goTo(page + 1)}>
            {t('cases.pages.next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
};
