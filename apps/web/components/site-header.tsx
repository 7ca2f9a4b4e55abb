import Link from 'next/link';
import { readHeaderUser } from '../lib/session';
import { signOut } from '../lib/session/actions';

/** The site header: the public sections, and the visitor's account (read from its cookie, without an API call). */
export async function SiteHeader() {
  const user = await readHeaderUser();
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
            {user ? (
              <>
                <li>
                  <Link href="/referrals" className="usa-link">
                    {user.role === 'THERAPIST' ? 'Referral inbox' : 'Referrals'}
                  </Link>
                </li>
                <li>
                  <form action={signOut} className="site-header__sign-out">
                    <button type="submit" className="usa-button usa-button--unstyled">
                      Sign out<span className="usa-sr-only"> ({user.displayName})</span>
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/sign-in" className="usa-link">
                  Sign in
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
