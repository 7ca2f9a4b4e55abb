import Link from 'next/link';
import { type CompletenessFacts, completenessGaps, expiryWarning } from '../../lib/credentials';
import { listText } from '../../lib/wording';

/** What stands between the therapist and being found, with the way to fix each; or that nothing does. */
export function CompletenessCheck({ profile, today }: { profile: CompletenessFacts; today: string }) {
  const gaps = completenessGaps(profile, today);
  const licensed = profile.locations.filter((l) => l.licenseVerified).map((l) => l.city);
  return (
    <section aria-labelledby="completeness-heading" className="margin-bottom-4">
      <h2 id="completeness-heading">Being found</h2>
      {gaps.length === 0 ? (
        <p>
          <span className="usa-tag bg-green margin-right-1">Complete</span>
          You appear as verified at your {listText(licensed)} location{licensed.length === 1 ? '' : 's'}.
        </p>
      ) : (
        <>
          <p>
            {licensed.length > 0
              ? `You appear as verified at your ${listText(licensed)} location${licensed.length === 1 ? '' : 's'}. Still to do:`
              : 'You do not appear in verified searches yet. What stands between you and being found:'}
          </p>
          <ul className="usa-list">
            {gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
          <p>
            <Link className="usa-link" href="/profile/credentials">
              Add a license
            </Link>{' '}
            ·{' '}
            <Link className="usa-link" href="/profile/locations">
              Add a location
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Warnings 60, 30 and 7 days before a credential expires (and after). */
export function ExpiryWarnings({
  credentials,
  today,
}: {
  credentials: { label: string; expiresOn: string | null | undefined }[];
  today: string;
}) {
  const warnings = credentials
    .map((credential) => ({ credential, warning: expiryWarning(credential.expiresOn, today) }))
    .filter((entry) => entry.warning)
    .sort((a, b) => a.warning!.days - b.warning!.days);
  if (warnings.length === 0) return null;
  return (
    <div className="usa-alert usa-alert--warning margin-bottom-3">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">Credentials expiring</h2>
        <ul className="usa-list">
          {warnings.map(({ credential, warning }) => (
            <li key={credential.label}>
              <strong>{credential.label}</strong>: {warning!.text}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
