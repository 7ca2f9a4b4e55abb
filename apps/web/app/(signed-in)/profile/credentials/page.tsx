import type { Metadata } from 'next';
import { ExpiryWarnings } from '../../../../components/credentials/completeness';
import { ActionForm, type FieldSpec } from '../../../../components/forms/action-form';
import { Banner } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import { answerNotFound } from '../../../../lib/metadata';
import { requireRole } from '../../../../lib/session';
import { vocabulary } from '../../../../lib/vocabulary';
import { stateName } from '../../../../lib/wording';
import { LOCATION_FORM_FIELDS } from '../locations/location-values';
import { ProfileNav } from '../profile-nav';
import { expiringCredentials, loadTherapistProfile, today } from '../queries';
import { addCertification, addLicense, addMembership } from './actions';
import { CredentialList, type CredentialRow } from './credential-list';

export const metadata: Metadata = { title: 'Licenses and credentials' };

type Props = { searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  license: 'The license is added. An administrator checks it with the state board, usually within one working day.',
  certification: 'The certification is added. An administrator checks it with the issuer.',
  membership: 'The network membership is added. An administrator checks it with the network.',
  removed: 'The credential is removed.',
};

const STATE_FIELD = LOCATION_FORM_FIELDS.find((f) => f.name === 'state')!;
const LICENSE_FIELDS: FieldSpec[] = [
  { ...STATE_FIELD, label: 'State that issued the license' },
  { name: 'licenseNumber', label: 'License number' },
  { name: 'issuedOn', label: 'Issued on', type: 'date', optional: true },
  { name: 'expiresOn', label: 'Expires on', type: 'date' },
];
const CERTIFICATION_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Certification', hint: 'For example Board Certified in Therapeutic Massage and Bodywork' },
  { name: 'issuer', label: 'Issued by', hint: 'For example NCBTMB' },
  { name: 'issuedOn', label: 'Issued on', type: 'date', optional: true },
  { name: 'expiresOn', label: 'Expires on', type: 'date', optional: true },
];

/** Licenses, certifications and network memberships, each with its status, expiry and warnings. */
export default async function CredentialsPage({ searchParams }: Props) {
  const { done } = await searchParams;
  const session = await requireRole('/profile/credentials', ['THERAPIST']);
  if (!session) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const [profile, vocab] = await Promise.all([loadTherapistProfile(session), vocabulary()]);
  const day = today();
  const licenses: CredentialRow[] = profile.licenses.map((l) => ({
    id: l.id,
    kind: 'LICENSE',
    title: `${stateName(l.state)} license ${l.licenseNumber}`,
    details: `Covers your locations in ${stateName(l.state)} only.`,
    expiresOn: l.expiresOn,
    verification: l.verification,
  }));
  const certifications: CredentialRow[] = profile.certifications.map((c) => ({
    id: c.id,
    kind: 'CERTIFICATION',
    title: c.name,
    details: `Issued by ${c.issuer}.`,
    expiresOn: c.expiresOn,
    verification: c.verification,
  }));
  const memberships: CredentialRow[] = profile.networkMemberships.map((m) => ({
    id: m.id,
    kind: 'NETWORK_MEMBERSHIP',
    title: `${m.network.name} membership`,
    details: `In network since ${m.effectiveFrom}.`,
    expiresOn: m.effectiveTo,
    verification: m.verification,
  }));
  return (
    <>
      <h1>Licenses and credentials</h1>
      <ProfileNav current="/profile/credentials" />
      <div role="status">{done && DONE[done] ? <Banner kind="success">{DONE[done]}</Banner> : null}</div>
      <ExpiryWarnings credentials={expiringCredentials(profile)} today={day} />
      <p>
        Each credential is checked by an administrator with its issuer (the state board, NCBTMB, the network) before it
        shows as verified. A license covers your locations in its own state only.
      </p>
      <section aria-labelledby="licenses-heading">
        <h2 id="licenses-heading">State licenses</h2>
        <CredentialList rows={licenses} empty="No licenses yet." today={day} />
        <h3>Add a license</h3>
        <ActionForm id="license" action={addLicense} fields={LICENSE_FIELDS} buttons={[{ label: 'Add license' }]} />
      </section>
      <section aria-labelledby="certifications-heading">
        <h2 id="certifications-heading">Certifications</h2>
        <CredentialList rows={certifications} empty="No certifications yet." today={day} />
        <h3>Add a certification</h3>
        <ActionForm
          id="certification"
          action={addCertification}
          fields={CERTIFICATION_FIELDS}
          buttons={[{ label: 'Add certification' }]}
        />
      </section>
      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">Network memberships</h2>
        <CredentialList rows={memberships} empty="No network memberships yet." today={day} />
        <h3>Add a network membership</h3>
        <ActionForm
          id="membership"
          action={addMembership}
          fields={[
            {
              name: 'networkId',
              label: 'Network',
              type: 'select',
              blank: 'Choose a network',
              options: vocab.networks.map((n) => ({ value: n.id, label: n.name })),
            },
            { name: 'effectiveFrom', label: 'In network since', type: 'date' },
            { name: 'effectiveTo', label: 'Until', type: 'date', optional: true },
          ]}
          buttons={[{ label: 'Add membership' }]}
        />
      </section>
    </>
  );
}
