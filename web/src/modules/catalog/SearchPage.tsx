import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Heading, Link, Paragraph } from '../../ui/index.ts';
import { useCatalogSearch } from './catalog.api.ts';
import { SearchBox } from './SearchBox.tsx';

/** `/zoeken?q=`: the answers to a question, best first, each a link with its short answer. */
export const SearchPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const search = useCatalogSearch(query);
  usePageTitle(query ? t('catalog.search.resultsFor', { query }) : t('catalog.search.title'));
  const results = search.data?.results ?? [];
  return (
    <div className="gv-stack">
      <Heading level={1}>{query ? t('catalog.search.resultsFor', { query }) : t('catalog.search.title')}</Heading>
      {/* Keyed on the question, so the box shows it again after a new search. */}
      <SearchBox key={query} id="search-page-q" initialQuery={query} />
      {!query ? <Paragraph>{t('catalog.search.empty')}</Paragraph> : null}
      {query && search.isPending ? <Loading /> : null}
      {search.isError ? <QueryAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
      {query && search.data ? (
        <section aria-labelledby="results-count">
          <Paragraph id="results-count" role="status">
            {results.length > 0 ? t('catalog.search.resultCount', { count: results.length }) : t('catalog.search.noResults')}
          </Paragraph>
          {results.length > 0 ? (
            <ol className="gv-results">
              {results.map((result) => (
                <li key={result.slug}>
                  <Heading level={2} appearance={3}>
                    <Link to={`/producten/${result.slug}`}>{result.title}</Link>
                  </Heading>
                  <Paragraph>{result.shortAnswer}</Paragraph>
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
    </div>
  );
};
