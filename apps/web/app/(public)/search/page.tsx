import type { Metadata } from 'next';
import { FacetFilters } from '../../../components/results/facet-filters';
import { NoResults } from '../../../components/results/no-results';
import { Pagination } from '../../../components/results/pagination';
import { ResultItem } from '../../../components/results/result-item';
import {
  InvalidSearch,
  SearchNotes,
  SearchUnavailable,
  UnknownPlace,
} from '../../../components/results/search-messages';
import { SearchForm } from '../../../components/search-form';
import { FiltersEnhancer } from '../../../components/enhance/filters-enhancer';
import { type MapMarker, ResultsMap } from '../../../components/enhance/results-map';
import { hostContext } from '../../../lib/host';
import { profilePath } from '../../../lib/paths';
import { MAX_PAGE, parseSearchQuery, type RawParams } from '../../../lib/search-query';
import { vocabulary } from '../../../lib/vocabulary';
import { distanceText, plural } from '../../../lib/wording';
import { runSearch } from './queries';

type Props = { searchParams: Promise<RawParams> };

export const metadata: Metadata = {
  title: 'Search results',
  // Searches are about someone's health: results are not indexed (city pages are).
  robots: { index: false, follow: true },
};

export default async function SearchPage({ searchParams }: Props) {
  const vocab = await vocabulary();
  const { query, notes } = parseSearchQuery(await searchParams, vocab.ids);
  const outcome = await runSearch(query);
  const conditionName = (id: string) => vocab.conditionNames.get(id) ?? id;
  const suggestions = vocab.conditions.flatMap((c) => [c.name, ...c.synonyms]);
  const result = outcome.kind === 'results' ? outcome.result : null;
  const pages = result ? Math.min(MAX_PAGE, Math.ceil(result.totalHits / result.pageSize)) : 0;
  const matchedConditions = new Set(query.conditions);
  const matchedTechniques = new Set(query.techniques);
  const where = result?.resolvedPlace ? ` near ${result.resolvedPlace.label}` : '';
  const markers: MapMarker[] = (result?.hits ?? []).flatMap((hit) =>
    hit.nearestLocation
      ? [
          {
            name: hit.therapist.displayName,
            href: profilePath(hit.therapist),
            latitude: hit.nearestLocation.latitude,
            longitude: hit.nearestLocation.longitude,
            distance: distanceText(hit.distanceKm),
          },
        ]
      : [],
  );
  const { mapTileUrl } = await hostContext();
  return (
    <>
      <h1 className="margin-top-4">Find a medical massage therapist</h1>
      <SearchForm q={query.q} near={query.near} suggestions={suggestions} />
      <SearchNotes notes={notes} />
      <div className="grid-row grid-gap-lg margin-top-3">
        <div className="tablet:grid-col-4 desktop:grid-col-3">
          <FacetFilters query={query} facets={result?.facets ?? null} conditionName={conditionName} />
        </div>
        <div className="tablet:grid-col-8 desktop:grid-col-9" aria-live="polite" aria-busy="false" id="results">
          {outcome.kind === 'unavailable' ? <SearchUnavailable /> : null}
          {outcome.kind === 'invalid' ? <InvalidSearch message={outcome.message} /> : null}
          {outcome.kind === 'unknown-place' ? <UnknownPlace query={query} suggestions={outcome.suggestions} /> : null}
          {result ? (
            <>
              <h2 className="font-heading-lg margin-top-0" id="result-count">
                {plural(result.totalHits, 'therapist')}
                {where}
                {pages > 1 ? (
                  <span className="text-normal">
                    {' '}
                    · page {Math.min(query.page, pages)} of {pages}
                  </span>
                ) : null}
              </h2>
              {result.totalHits === 0 ? (
                <NoResults
                  query={query}
                  nearbyCities={outcome.kind === 'results' ? outcome.nearbyCities : []}
                  conditionName={conditionName}
                />
              ) : (
                <>
                  {result.resolvedPlace ? (
                    <ResultsMap markers={markers} center={result.resolvedPlace} tileUrl={mapTileUrl} />
                  ) : null}
                  <ol className="result-list" aria-labelledby="result-count">
                    {result.hits.map((hit) => (
                      <ResultItem
                        key={hit.therapist.id}
                        hit={hit}
                        matchedConditions={matchedConditions}
                        matchedTechniques={matchedTechniques}
                      />
                    ))}
                  </ol>
                </>
              )}
              {result.hits.length === 0 && result.totalHits > 0 ? <p>There are no results on this page.</p> : null}
              <Pagination query={query} pages={pages} />
            </>
          ) : null}
        </div>
      </div>
      <FiltersEnhancer />
    </>
  );
}
