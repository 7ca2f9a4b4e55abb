import Link from 'next/link';
import type { ReactNode } from 'react';

export interface NavLink {
  href: string;
  label: string;
}

/**
 * A row of links drawn as buttons (the account, profile and admin navigations); the current page, when given, is
 * the filled button and is marked for assistive technology too.
 */
export function ButtonNav({
  label,
  links,
  current,
  className,
  children,
}: {
  label: string;
  links: readonly NavLink[];
  current?: string;
  className: string;
  children?: ReactNode;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="usa-button-group">
        {links.map((link) => (
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
      {children}
    </nav>
  );
}
