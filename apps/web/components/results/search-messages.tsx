import Link from 'next/link';
import { type SearchQuery, searchHref } from '../../lib/search-query';

/** What we changed or ignored in the parameters; announced politely. */
export function SearchNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="usa-alert usa-alert--warning usa-alert--slim margin-top-2" role="status">
      <div className="usa-alert__body">
        {notes.map((note) => (
          <p className="usa-alert__text" key={note}>
            {note}
          </p>
        ))}
      </div>
    </div>
  );
}

export function UnknownPlace({ query, suggestions }: { query: SearchQuery; suggestions: string[] }) {
  return (
    <div className="usa-alert usa-alert--warning margin-top-2" role="alert" data-testid="unknown-place">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">We couldn&apos;t find “{query.near}”.</h2>
        {suggestions.length > 0 ? (
          <p className="usa-alert__text">
            Did you mean{' '}
            {suggestions.map((label, i) => (
              <span key={label}>
                {i > 0 ? (i === suggestions.length - 1 ? ' or ' : ', ') : null}
                <Link className="usa-link" href={searchHref(query, { near: label, page: 1 })}>
                  {label}
                </Link>
              </span>
            ))}
            ?
          </p>
        ) : (
          <p className="usa-alert__text">Try a city and state, such as “Miami, FL”, or a 5-digit ZIP code.</p>
        )}
      </div>
    </div>
  );
}

export function SearchUnavailable() {
  return (
    <div className="usa-alert usa-alert--error margin-top-2" role="alert" data-testid="search-unavailable">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">Search is not available right now</h2>
        <p className="usa-alert__text">
          Our search service is down for a moment. Please try again in a few minutes. Therapist profiles and{' '}
          <Link className="usa-link" href="/medical-massage">
            city pages
          </Link>{' '}
          still work.
        </p>
      </div>
    </div>
  );
}

export function InvalidSearch({ message }: { message: string }) {
  return (
    <div className="usa-alert usa-alert--warning margin-top-2" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">We could not run this search</h2>
        <p className="usa-alert__text">{message}</p>
        <p className="usa-alert__text">
          <Link className="usa-link" href={searchHref({ ...emptyQuery })}>
            Start a new search
          </Link>
        </p>
      </div>
    </div>
  );
}

const emptyQuery: SearchQuery = {
  q: '',
  near: '',
  radius: 25,
  conditions: [],
  techniques: [],
  networks: [],
  languages: [],
  accepting: false,
  context: null,
  sort: 'relevance',
  page: 1,
  verifiedOnly: true,
};
