import type { Metadata } from 'next';
import { NotFoundContent } from '../../../../../components/not-found-content';
import { answerNotFound, NOT_FOUND_METADATA } from '../../../../../lib/metadata';
import Link from 'next/link';
import { ResultItem } from '../../../../../components/results/result-item';
import { SearchUnavailable } from '../../../../../components/results/search-messages';
import { hostContext } from '../../../../../lib/host';
import { cityPath, statePath } from '../../../../../lib/paths';
import { plural, stateName } from '../../../../../lib/wording';
import { loadCityPage } from '../../queries';

type Props = { params: Promise<{ state: string; city: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { state, city } = await params;
  const page = await loadCityPage(state, city);
  if (!page) return NOT_FOUND_METADATA;
  const { publicUrl } = await hostContext();
  const title = `Medical massage therapists in ${page.city}, ${page.state}`;
  return {
    title,
    description: `Verified medical massage therapists near ${page.city}, ${stateName(page.state)}: licenses checked, insurance networks, referrals from local providers.`,
    alternates: { canonical: `${publicUrl}${cityPath(page.city, page.state)}` },
    openGraph: { title, url: `${publicUrl}${cityPath(page.city, page.state)}`, siteName: 'Medical Massage Network' },
  };
}

export default async function CityPage({ params }: Props) {
  const { state, city } = await params;
  const page = await loadCityPage(state, city);
  if (!page) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const none = new Set<string>();
  const search = `/search?near=${encodeURIComponent(`${page.city}, ${page.state}`)}`;
  return (
    <>
      <nav className="usa-breadcrumb margin-top-2" aria-label="Breadcrumbs">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link href="/medical-massage" className="usa-breadcrumb__link">
              States
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item">
            <Link href={statePath(page.state)} className="usa-breadcrumb__link">
              {stateName(page.state)}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {page.city}
          </li>
        </ol>
      </nav>
      <h1>
        Medical massage therapists in {page.city}, {page.state}
      </h1>
      {page.searchDown ? <SearchUnavailable /> : null}
      {page.search ? (
        <div className="grid-row grid-gap-lg">
          <div className="tablet:grid-col-8">
            <h2 className="font-heading-lg" id="city-results">
              {plural(page.search.totalHits, 'verified therapist')} within 25 miles
            </h2>
            {page.search.hits.length > 0 ? (
              <ol className="result-list" aria-labelledby="city-results">
                {page.search.hits.map((hit) => (
                  <ResultItem key={hit.therapist.id} hit={hit} matchedConditions={none} matchedTechniques={none} />
                ))}
              </ol>
            ) : (
              <p>We have no verified therapists here yet.</p>
            )}
            <p>
              <Link className="usa-link" href={search}>
                Search and filter therapists near {page.city}
              </Link>
            </p>
          </div>
          <div className="tablet:grid-col-4">
            {page.search.facets.conditions.length > 0 ? (
              <>
                <h2 className="font-heading-md">Conditions treated most</h2>
                <ul className="usa-list">
                  {page.search.facets.conditions.slice(0, 8).map((c) => (
                    <li key={c.value}>
                      <Link className="usa-link" href={`${search}&condition=${encodeURIComponent(c.value)}`}>
                        {c.label}
                      </Link>{' '}
                      ({c.count})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {page.nearby.length > 0 ? (
        <section aria-labelledby="nearby-heading">
          <h2 id="nearby-heading" className="font-heading-md">
            Nearby cities
          </h2>
          <ul className="usa-list">
            {page.nearby.map((c) => (
              <li key={`${c.city}-${c.state}`}>
                <Link className="usa-link" href={cityPath(c.city, c.state)}>
                  {c.city}, {c.state}
                </Link>{' '}
                ({plural(c.therapistCount, 'therapist')})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
