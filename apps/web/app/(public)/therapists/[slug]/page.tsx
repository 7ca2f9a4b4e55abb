import type { Metadata } from 'next';
import { NotFoundContent } from '../../../../components/not-found-content';
import { answerNotFound, NOT_FOUND_METADATA } from '../../../../lib/metadata';
import Link from 'next/link';
import {
  CredentialsSection,
  EndorsementsSection,
  LocationsSection,
  ProfileSummary,
} from '../../../../components/profile/profile-sections';
import { hostContext } from '../../../../lib/host';
import { profilePath } from '../../../../lib/paths';
import { listText } from '../../../../lib/wording';
import { profileJsonLd, scriptJson } from './json-ld';
import { loadProfile } from './queries';
import { ReportForm } from './report-form';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await loadProfile((await params).slug);
  if (!t) return NOT_FOUND_METADATA;
  const { publicUrl } = await hostContext();
  const where = t.locations[0] ? ` in ${t.locations[0].city}, ${t.locations[0].state}` : '';
  const treats = t.conditions.length
    ? ` Treats ${listText(t.conditions.slice(0, 3).map((c) => c.name.toLowerCase()))}.`
    : '';
  const title = `${t.displayName}${t.credentialLetters ? `, ${t.credentialLetters}` : ''}: medical massage${where}`;
  const description = `${t.verified ? 'Verified' : 'Not yet verified'} massage therapist${where}.${treats}`;
  const url = `${publicUrl}${profilePath(t)}`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'profile', title, description, url, siteName: 'Medical Massage Network' },
  };
}

export default async function ProfilePage({ params }: Props) {
  const t = await loadProfile((await params).slug);
  if (!t) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const { publicUrl, nonce } = await hostContext();
  const referral = `/referrals/new?therapist=${t.id}`;
  return (
    <>
      {profileJsonLd(t, publicUrl).map((data, i) => (
        <script
          key={i}
          type="application/ld+json"
          nonce={nonce}
          dangerouslySetInnerHTML={{ __html: scriptJson(data) }}
        />
      ))}
      <nav className="usa-breadcrumb margin-top-2" aria-label="Breadcrumbs">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link href="/" className="usa-breadcrumb__link">
              Home
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item">
            <Link href="/search" className="usa-breadcrumb__link">
              Find a therapist
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {t.displayName}
          </li>
        </ol>
      </nav>
      <ProfileSummary therapist={t} />
      <div className="grid-row grid-gap-lg">
        <div className="tablet:grid-col-8">
          <LocationsSection therapist={t} />
          <CredentialsSection therapist={t} />
          <EndorsementsSection therapist={t} />
        </div>
        <aside className="tablet:grid-col-4" aria-label="Referrals">
          <div className="usa-summary-box margin-top-4">
            <div className="usa-summary-box__body">
              <h2 className="usa-summary-box__heading">Prescribers: send this therapist a referral</h2>
              <p className="usa-summary-box__text">
                Sign in as a provider to send a prescription to {t.displayName} through the network.
              </p>
              <Link className="usa-button" href={`/sign-in?next=${encodeURIComponent(referral)}`}>
                Send a referral
              </Link>
            </div>
          </div>
          <div className="margin-top-3">
            <h2 className="font-heading-md">Patients: how a referral works</h2>
            <p>
              Ask your doctor, physical therapist or chiropractor to refer you to this therapist through the network.
              You will get an access code to follow the referral. Insurance often pays for prescribed medical massage.
            </p>
            <Link className="usa-link" href="/#how-referrals-work">
              More about referrals
            </Link>
          </div>
        </aside>
      </div>
      <section id="report" aria-labelledby="report-heading" className="margin-top-5 border-top-1px border-base-lighter">
        <h2 id="report-heading" className="font-heading-md">
          Report a problem with this listing
        </h2>
        <p>Wrong address, no longer practising, not taking patients? Tell us and our staff will check.</p>
        <ReportForm therapistId={t.id} />
      </section>
    </>
  );
}
