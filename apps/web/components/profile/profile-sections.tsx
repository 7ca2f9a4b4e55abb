import type { Profile } from '../../app/(public)/therapists/[slug]/queries';
import {
  isoDay,
  languageName,
  listText,
  practiceText,
  reputationText,
  stateName,
  verificationText,
} from '../../lib/wording';

type Props = { therapist: Profile };

const STATUS_TEXT: Record<string, string> = {
  VERIFIED: 'Verified',
  PENDING: 'Not yet checked',
  REJECTED: 'Could not be verified',
  EXPIRED: 'Expired',
};

function StatusTag({ status }: { status: string }) {
  const color = status === 'VERIFIED' ? 'bg-green' : status === 'PENDING' ? 'bg-base-dark' : 'bg-secondary-dark';
  return <span className={`usa-tag ${color}`}>{STATUS_TEXT[status] ?? status}</span>;
}

const INTENTIONS: Record<string, string> = { CLINICAL: 'clinical treatment', RELAXATION: 'relaxation' };

export function ProfileSummary({ therapist: t }: Props) {
  const license = t.licenses.find((l) => verificationText(l));
  return (
    <section aria-labelledby="therapist-name">
      <h1 id="therapist-name" className="margin-bottom-1">
        {t.displayName}
        {t.credentialLetters ? <span className="text-normal">, {t.credentialLetters}</span> : null}
      </h1>
      {t.verified && license ? (
        <p className="margin-top-0">
          <span className="usa-tag bg-green margin-right-1">Verified</span>
          {verificationText(license)}
        </p>
      ) : (
        <p className="margin-top-0">
          <span className="usa-tag bg-base-dark margin-right-1">Not yet verified</span>
          We have not yet verified a license in the state where this therapist practises.
        </p>
      )}
      {t.bio ? <p className="usa-intro break-words">{t.bio}</p> : null}
      <ul className="usa-list">
        <li>{t.acceptingNewPatients ? 'Accepting new patients' : 'Not accepting new patients'}</li>
        {practiceText(t.practiceContexts, t.billsInsurance) ? (
          <li>{practiceText(t.practiceContexts, t.billsInsurance)}</li>
        ) : null}
        {t.treatmentIntentions.length > 0 ? (
          <li>Offers massage for {listText(t.treatmentIntentions.map((i) => INTENTIONS[i] ?? i.toLowerCase()))}</li>
        ) : null}
        {t.languages.length > 0 ? <li>Speaks {listText(t.languages.map(languageName))}</li> : null}
        <li>{reputationText(t.reputation)}</li>
      </ul>
      {t.conditions.length > 0 ? (
        <>
          <h2 className="font-heading-md">Conditions treated</h2>
          <p>{listText(t.conditions.map((c) => c.name))}</p>
        </>
      ) : null}
      {t.techniques.length > 0 ? (
        <>
          <h2 className="font-heading-md">Techniques</h2>
          <p>{listText(t.techniques.map((x) => x.name))}</p>
        </>
      ) : null}
      <p className="text-base font-body-2xs">Profile last updated {isoDay(t.updatedAt)}</p>
    </section>
  );
}

export function LocationsSection({ therapist: t }: Props) {
  if (t.locations.length === 0) return null;
  return (
    <section aria-labelledby="locations-heading">
      <h2 id="locations-heading">Where to find {t.displayName}</h2>
      <ul className="usa-list usa-list--unstyled">
        {t.locations.map((location) => {
          const address = `${location.addressLine}, ${location.city}, ${location.state} ${location.postalCode}`;
          return (
            <li key={location.id} className="margin-bottom-2">
              {location.label ? <strong className="display-block">{location.label}</strong> : null}
              <address className="font-body-sm address-plain">{address}</address>
              <a
                className="usa-link"
                href={`https://www.openstreetmap.org/directions?to=${location.latitude}%2C${location.longitude}`}
                rel="noopener noreferrer"
              >
                Directions to {location.label ?? address}
                <span className="usa-sr-only"> (OpenStreetMap)</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function CredentialsSection({ therapist: t }: Props) {
  return (
    <section aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Licenses and credentials</h2>
      {t.licenses.length > 0 ? (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full">
          <caption className="text-left">State licenses</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Number</th>
              <th scope="col">Status</th>
              <th scope="col">Verified on</th>
              <th scope="col">Source</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {t.licenses.map((l) => (
              <tr key={l.id}>
                <th scope="row" data-label="State">
                  {stateName(l.state)}
                </th>
                <td data-label="Number">{l.licenseNumber}</td>
                <td data-label="Status">
                  <StatusTag status={l.verification.status} />
                </td>
                <td data-label="Verified on">{isoDay(l.verification.verifiedAt) ?? '—'}</td>
                <td data-label="Source">{l.verification.source ?? '—'}</td>
                <td data-label="Expires">{l.expiresOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No license on file yet.</p>
      )}
      {t.certifications.length > 0 ? (
        <>
          <h3>Certifications</h3>
          <ul className="usa-list">
            {t.certifications.map((c) => (
              <li key={c.id}>
                {c.name}, {c.issuer} · <StatusTag status={c.verification.status} />
                {c.expiresOn ? ` · expires ${c.expiresOn}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {t.networkMemberships.length > 0 ? (
        <>
          <h3>Insurance and care networks</h3>
          <ul className="usa-list">
            {t.networkMemberships.map((m) => (
              <li key={m.id}>
                {m.network.name} · <StatusTag status={m.verification.status} />
                {m.effectiveTo ? ` · until ${m.effectiveTo}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function EndorsementsSection({ therapist: t }: Props) {
  return (
    <section aria-labelledby="endorsements-heading">
      <h2 id="endorsements-heading">Endorsements from prescribers</h2>
      {t.endorsements.length === 0 ? (
        <p>No endorsements yet. Prescribers can endorse a therapist after a completed referral.</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {t.endorsements.map((e) => (
            <li key={e.id} className="margin-bottom-2">
              <strong>{e.provider.displayName}</strong>
              {e.provider.specialty ? `, ${e.provider.specialty}` : null}
              {e.note ? <blockquote className="margin-x-0 margin-y-05 break-words">“{e.note}”</blockquote> : null}
              <span className="text-base font-body-2xs">Endorsed on {isoDay(e.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
