import '@uswds/uswds/css/uswds.min.css';
import './site.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';

export const metadata: Metadata = {
  title: { default: 'Find a medical massage therapist', template: '%s · Medical Massage Network' },
  description:
    'Find a verified medical massage therapist near you, trusted by local doctors: licenses checked against state boards, insurance networks, referrals.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="usa-skipnav" href="#main-content">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main-content" tabIndex={-1} className="grid-container padding-bottom-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
