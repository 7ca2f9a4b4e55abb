import type { ReactNode } from 'react';
import { VerificationTag } from '../../../components/credentials/verification-tag';
import { ActionForm } from '../../../components/forms/action-form';
import { formatDate } from '../../../lib/referral-wording';
import type { Session } from '../../../lib/session';
import { LOCATION_FORM_FIELDS } from './locations/location-values';
import { addPrescriberLocation, removePrescriberLocation } from './prescriber-actions';
import { PrescriberForm } from './prescriber-form';
import { loadProviderProfile } from './queries';
import { taxonomyName } from './taxonomy';

function NextSteps({ npi, status, note }: { npi: string; status: string; note?: string | null }) {
  if (!npi) return <p>Enter your NPI below. Only prescribers with a verified NPI can send referrals.</p>;
  switch (status) {
    case 'VERIFIED':
      return (
        <p>Your NPI is verified: you can send referrals, and they count toward the therapists&apos; reputation.</p>
      );
    case 'REJECTED':
      return (
        <p>
          Your NPI could not be verified{note ? `: ${note}` : '.'} Correct your entries so they match your NPPES record
          and save: the NPI goes back for verification.
        </p>
      );
    default:
      return (
        <p>
          An administrator compares your NPI with the NPPES registry (name, taxonomy, state and active status), usually
          within one working day. Until then you can prepare referrals but not send them.
        </p>
      );
  }
}

/** The prescriber's profile: NPI and its verification, taxonomy, specialty, organization, locations. */
export async function PrescriberProfile({ session, success }: { session: Session; success: ReactNode }) {
  const p = await loadProviderProfile(session);
  const v = p.verification;
  return (
    <>
      <h1>Your prescriber profile</h1>
      <div role="status">{success}</div>
      <section aria-labelledby="npi-status-heading" className="margin-bottom-4">
        <h2 id="npi-status-heading">NPI verification</h2>
        <p>
          {p.npi ? (
            <>
              NPI {p.npi}: <VerificationTag status={v.status} />
              {v.status === 'VERIFIED' && v.verifiedAt
                ? ` verified${v.source ? ` against ${v.source}` : ''} on ${formatDate(v.verifiedAt)}`
                : null}
            </>
          ) : (
            'No NPI entered yet.'
          )}
        </p>
        <NextSteps npi={p.npi} status={v.status} note={v.note} />
        {p.taxonomyCode ? <p>Taxonomy: {taxonomyName(p.taxonomyCode) ?? p.taxonomyCode}</p> : null}
      </section>
      <h2>Your details</h2>
      <PrescriberForm
        initial={{
          status: 'idle',
          fieldErrors: {},
          values: {
            displayName: p.displayName,
            npi: p.npi,
            taxonomyCode: p.taxonomyCode ?? '',
            specialty: p.specialty ?? '',
            organization: p.organization ?? '',
          },
        }}
      />
      <h2 className="margin-top-5">Practice locations</h2>
      {p.locations.length === 0 ? <p>No locations yet.</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {p.locations.map((l) => (
          <li key={l.id} className="border-top border-base-lighter padding-y-1">
            <strong>{l.label ?? l.city}</strong>: {l.addressLine}, {l.city}, {l.state} {l.postalCode}
            <ActionForm
              id={`remove-location-${l.id}`}
              action={removePrescriberLocation}
              hidden={{ id: l.id }}
              buttons={[{ label: `Remove ${l.label ?? l.city}`, secondary: true }]}
            />
          </li>
        ))}
      </ul>
      <h3>Add a location</h3>
      <ActionForm
        id="prescriber-location"
        action={addPrescriberLocation}
        fields={LOCATION_FORM_FIELDS}
        buttons={[{ label: 'Add location' }]}
      />
    </>
  );
}
