import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="grid-container site-header__inner">
        <Link href="/" className="site-header__name">
          Medical Massage Network
        </Link>
        <nav aria-label="Main">
          <ul className="site-header__nav">
            <li>
              <Link href="/search" className="usa-link">
                Find a therapist
              </Link>
            </li>
            <li>
              <Link href="/medical-massage" className="usa-link">
                Browse by state
              </Link>
            </li>
            <li>
              <Link href="/#how-referrals-work" className="usa-link">
                How referrals work
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
