import type { Metadata } from 'next';
import { ButtonNav, type NavLink } from '../../components/button-nav';
import type { ReactNode } from 'react';
import { readHeaderUser } from '../../lib/session';

// Pages with patient data: never indexed, never cached (Next sends no-store for these per-request pages), and
// their titles are generic ("Referral"), never a patient's name.
export const metadata: Metadata = { robots: { index: false, follow: false } };

const LINKS: Record<string, NavLink[]> = {
  PROVIDER: [
    { href: '/referrals', label: 'Worklist' },
    { href: '/referrals/new', label: 'New referral' },
    { href: '/profile', label: 'Profile' },
  ],
  THERAPIST: [
    { href: '/referrals', label: 'Inbox' },
    { href: '/profile', label: 'Profile' },
  ],
  PATIENT: [
    { href: '/referrals', label: 'My referrals' },
    { href: '/claim', label: 'Claim a referral' },
  ],
  ADMIN: [{ href: '/admin', label: 'Admin console' }],
};

/** The signed-in area: each page checks the session itself (it knows its own path to come back to). */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await readHeaderUser();
  const links = user ? (LINKS[user.role] ?? []) : [];
  return (
    <>
      {user && links.length > 0 ? (
        <ButtonNav label="Your account" links={links} className="margin-top-2">
          <p className="margin-top-1 text-base">Signed in as {user.displayName}</p>
        </ButtonNav>
      ) : null}
      {children}
    </>
  );
}
