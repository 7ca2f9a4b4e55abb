'use client';

import Link from 'next/link';

/** Anything unexpected while rendering a page: a plain apology, never details. */
export default function ErrorPage() {
  return (
    <section className="usa-section" aria-labelledby="error-heading">
      <h1 id="error-heading" className="margin-top-0">
        Something went wrong
      </h1>
      <p className="usa-intro">This page could not be shown. Please try again in a moment.</p>
      <Link className="usa-link" href="/">
        Go to the home page
      </Link>
    </section>
  );
}
