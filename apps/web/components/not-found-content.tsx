import Link from 'next/link';

/** The "Page not found" content, for unmatched URLs and for pages whose record does not exist (status 404). */
export function NotFoundContent() {
  return (
    <section className="usa-section" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" className="margin-top-0">
        Page not found
      </h1>
      <p className="usa-intro">
        We can&apos;t find this page. If it was a therapist&apos;s profile, the listing may no longer be public.
      </p>
      <ul className="usa-list">
        <li>
          <Link className="usa-link" href="/search">
            Search for a therapist
          </Link>
        </li>
        <li>
          <Link className="usa-link" href="/medical-massage">
            Browse therapists by state
          </Link>
        </li>
      </ul>
    </section>
  );
}
