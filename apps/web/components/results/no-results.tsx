import Link from 'next/link';
import type { NearbyCity } from '../../app/(public)/search/queries';
import { cityPath } from '../../lib/paths';
import { RADIUS_MILES, type SearchQuery, searchHref } from '../../lib/search-query';
import { plural } from '../../lib/wording';

export interface NoResultsProps {
  query: SearchQuery;
  nearbyCities: NearbyCity[];
  conditionName: (id: string) => string;
}

/** Concrete ways out of an empty result: wider, fewer filters, unverified therapists, nearby cities. */
export function NoResults({ query, nearbyCities, conditionName }: NoResultsProps) {
  const wider = RADIUS_MILES.find((miles) => miles > query.radius);
  const drops: { label: string; href: string }[] = [
    ...query.conditions.map((id) => ({
      label: `the condition “${conditionName(id)}”`,
      href: searchHref(query, { conditions: query.conditions.filter((c) => c !== id), page: 1 }),
    })),
    ...query.techniques.map((id) => ({
      label: `the technique “${id}”`,
      href: searchHref(query, { techniques: query.techniques.filter((c) => c !== id), page: 1 }),
    })),
    ...query.networks.map((id) => ({
      label: `the network “${id}”`,
      href: searchHref(query, { networks: query.networks.filter((c) => c !== id), page: 1 }),
    })),
    ...query.languages.map((code) => ({
      label: `the language “${code}”`,
      href: searchHref(query, { languages: query.languages.filter((c) => c !== code), page: 1 }),
    })),
    ...(query.accepting
      ? [{ label: '“accepting new patients”', href: searchHref(query, { accepting: false, page: 1 }) }]
      : []),
    ...(query.context ? [{ label: 'the practice type', href: searchHref(query, { context: null, page: 1 }) }] : []),
    ...(query.q ? [{ label: `the words “${query.q}”`, href: searchHref(query, { q: '', page: 1 }) }] : []),
  ];
  return (
    <div className="usa-alert usa-alert--info usa-alert--no-icon margin-top-2" data-testid="no-results">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">No therapists match all of this</h2>
        <p className="usa-alert__text">Try one of these:</p>
        <ul className="usa-list">
          {query.near && wider ? (
            <li>
              <Link className="usa-link" href={searchHref(query, { radius: wider, page: 1 })}>
                Search within {wider} miles
              </Link>
            </li>
          ) : null}
          {drops.map((drop) => (
            <li key={drop.href}>
              <Link className="usa-link" href={drop.href}>
                Remove {drop.label}
              </Link>
            </li>
          ))}
          {query.verifiedOnly ? (
            <li>
              <Link className="usa-link" href={searchHref(query, { verifiedOnly: false, page: 1 })}>
                Include therapists whose license we have not verified yet
              </Link>
            </li>
          ) : null}
        </ul>
        {nearbyCities.length > 0 ? (
          <>
            <h3 className="font-heading-sm">Nearby cities with verified therapists</h3>
            <ul className="usa-list">
              {nearbyCities.map((city) => (
                <li key={`${city.city}-${city.state}`}>
                  <Link className="usa-link" href={cityPath(city.city, city.state)}>
                    {city.city}, {city.state}
                  </Link>{' '}
                  ({plural(city.therapistCount, 'therapist')}
                  {city.distanceKm !== null ? `, ${Math.round(city.distanceKm / 1.609344)} miles away` : ''})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
