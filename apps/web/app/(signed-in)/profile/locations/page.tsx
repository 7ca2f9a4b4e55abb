import type { Metadata } from 'next';
import { Banner } from '../../../../components/forms/fields';
import { ActionForm } from '../../../../components/forms/action-form';
import { NotFoundContent } from '../../../../components/not-found-content';
import { locationLicenseText } from '../../../../lib/credentials';
import { answerNotFound } from '../../../../lib/metadata';
import { requireRole } from '../../../../lib/session';
import { ProfileNav } from '../profile-nav';
import { loadTherapistProfile } from '../queries';
import { addLocation, removeLocation } from './actions';
import { LOCATION_FORM_FIELDS } from './location-values';

export const metadata: Metadata = { title: 'Practice locations' };

type Props = { searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = { added: 'The location is added.', removed: 'The location is removed.' };

/** The therapist's practice locations: each says whether it is licensed, and which license would make it so. */
export default async function LocationsPage({ searchParams }: Props) {
  const { done } = await searchParams;
  const session = await requireRole('/profile/locations', ['THERAPIST']);
  if (!session) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const profile = await loadTherapistProfile(session);
  return (
    <>
      <h1>Practice locations</h1>
      <ProfileNav current="/profile/locations" />
      <div role="status">{done && DONE[done] ? <Banner kind="success">{DONE[done]}</Banner> : null}</div>
      <p>
        Patients search by place. A location appears in verified searches only while you hold a verified, unexpired
        license of its state.
      </p>
      {profile.locations.length === 0 ? <p>You have no practice locations yet.</p> : null}
      <ul className="usa-card-group">
        {profile.locations.map((l) => (
          <li className="usa-card tablet:grid-col-6" key={l.id}>
            <div className="usa-card__container">
              <div className="usa-card__header">
                <h2 className="usa-card__heading">{l.label ?? `${l.city}, ${l.state}`}</h2>
              </div>
              <div className="usa-card__body">
                <p>
                  {l.addressLine}
                  <br />
                  {l.city}, {l.state} {l.postalCode}
                </p>
                <p>
                  <span className={`usa-tag ${l.licenseVerified ? 'bg-green' : 'bg-base-dark'} margin-right-1`}>
                    {l.licenseVerified ? 'Licensed' : 'Not licensed'}
                  </span>
                  {locationLicenseText(l)}
                </p>
              </div>
              <div className="usa-card__footer">
                <ActionForm
                  id={`remove-${l.id}`}
                  action={removeLocation}
                  className="margin-0"
                  hidden={{ id: l.id }}
                  buttons={[{ label: `Remove ${l.label ?? l.city}`, secondary: true }]}
                />
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h2>Add a location</h2>
      <ActionForm
        id="location"
        action={addLocation}
        fields={LOCATION_FORM_FIELDS}
        buttons={[{ label: 'Add location' }]}
      />
    </>
  );
}
