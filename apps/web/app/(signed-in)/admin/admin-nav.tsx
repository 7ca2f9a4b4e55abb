import Link from 'next/link';

const LINKS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/verification', label: 'Verification queue' },
  { href: '/admin/reports', label: 'Listing reports' },
  { href: '/admin/audit', label: 'Audit log' },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Admin console" className="margin-bottom-3">
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
