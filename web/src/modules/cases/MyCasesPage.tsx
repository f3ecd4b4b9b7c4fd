import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentCaseSummary } from '../../../../shared/src/cases/cases.contract.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Button, ButtonLink, Heading, Link, Paragraph } from '../../ui/index.ts';
import { CaseStatusBadge, formatDay } from './CaseParts.tsx';
import { useMyCases } from './cases.api.ts';

const CaseCard = ({ item }: { item: ResidentCaseSummary }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="gv-case-card">
      <p className="gv-case-card__title">
        <Link to={`/mijn-dossiers/${encodeURIComponent(item.reference)}`}>{item.product.title}</Link>
      </p>
      <dl className="gv-meta">
        <div>
          <dt>{t('cases.case.reference')}</dt>
          <dd>{item.reference}</dd>
        </div>
        <div>
          <dt>{t('cases.case.status')}</dt>
          <dd>
            <CaseStatusBadge status={item.status} />
          </dd>
        </div>
        <div>
          <dt>{t('cases.case.owner')}</dt>
          <dd>{item.owner.name}</dd>
        </div>
        {item.open ? (
          <div>
            <dt>{t('cases.case.dueDate')}</dt>
            <dd>{formatDay(item.dueDate, language)}</dd>
          </div>
        ) : (
          <div>
            <dt>{t('cases.case.updatedAt')}</dt>
            <dd>{formatDay(item.updatedAt.slice(0, 10), language)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
};

/** One list of "Mijn dossiers" (open or closed), twenty at a time. */
const CaseList = ({ state }: { state: 'open' | 'closed' }) => {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const cases = useMyCases(state, page);
  const headingId = `my-cases-${state}`;
  const pages = cases.data ? Math.max(1, Math.ceil(cases.data.total / cases.data.pageSize)) : 1;
  return (
    <section aria-labelledby={headingId} className="gv-stack">
      <Heading level={2} id={headingId}>
        {t(`cases.mine.${state}Title`)}
        {cases.data ? ` (${cases.data.total})` : ''}
      </Heading>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <QueryAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data && cases.data.items.length === 0 ? <Paragraph>{t(`cases.mine.${state}Empty`)}</Paragraph> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <ul className="gv-case-cards">
          {cases.data.items.map((item) => (
            <CaseCard key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t(`cases.mine.${state}Pages`)} className="gv-button-row">
          <Button appearance="secondary-action" disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
            {t('cases.pages.previous')}
          </Button>
          <span className="gv-pages__where">{t('cases.pages.where', { page, pages })}</span>
          <Button appearance="secondary-action" disabled={page >= pages} onClick={() => setPage((n) => n + 1)}>
            {t('cases.pages.next')}
          </Button>
        </nav>
      ) : null}
    </section>
  );
};

/** `/mijn-dossiers`: the resident's requests and questions, open ones first, with who has each and by when. */
export const MyCasesPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('cases.mine.title'));
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('cases.mine.title')}</Heading>
        <Paragraph lead>{t('cases.mine.intro')}</Paragraph>
        <p>
          <ButtonLink to="/vraag" appearance="secondary-action">
            {t('cases.mine.ask')}
          </ButtonLink>
        </p>
      </div>
      <CaseList state="open" />
      <CaseList state="closed" />
    </div>
  );
};
