import Link from 'next/link';

const LINKS = [
  { href: '/profile', label: 'Profile' },
  { href: '/profile/locations', label: 'Practice locations' },
  { href: '/profile/credentials', label: 'Licenses and credentials' },
  { href: '/profile/preview', label: 'Preview' },
];

/** The therapist's profile pages; the current one is marked for assistive technology too. */
export function ProfileNav({ current }: { current: string }) {
  return (
    <nav aria-label="Your profile pages" className="margin-bottom-3">
      <ul className="usa-button-group">
        {LINKS.map((link) => (
          <li className="usa-button-group__item" key={link.href}>
            <Link
              href={link.href}
              className={`usa-button${link.href === current ? '' : ' usa-button--outline'}`}
              aria-current={link.href === current ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
