import Link from 'next/link';
import { type SearchQuery, searchHref } from '../../lib/search-query';

/** "Page N of M" with previous/next and nearby page links (plain links: the back button keeps every filter). */
export function Pagination({ query, pages }: { query: SearchQuery; pages: number }) {
  if (pages <= 1) return null;
  const current = Math.min(query.page, pages);
  const numbers = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages);
  return (
    <nav aria-label="Pages of results" className="usa-pagination">
      <ul className="usa-pagination__list">
        {current > 1 ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link href={searchHref(query, { page: current - 1 })} className="usa-pagination__link">
              Previous page
            </Link>
          </li>
        ) : null}
        {numbers.map((n) => (
          <li className="usa-pagination__item usa-pagination__page-no" key={n}>
            <Link
              href={searchHref(query, { page: n })}
              className={`usa-pagination__button${n === current ? ' usa-current' : ''}`}
              aria-label={`Page ${n}`}
              aria-current={n === current ? 'page' : undefined}
            >
              {n}
            </Link>
          </li>
        ))}
        {current < pages ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link href={searchHref(query, { page: current + 1 })} className="usa-pagination__link">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
