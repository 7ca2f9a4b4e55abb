import type { Metadata } from 'next';
import Link from 'next/link';
import { PendingProviderVerificationsDocument, ProviderRegistryRecordDocument } from '@mmn/api-client';
import { VerificationTag } from '../../../../../../components/credentials/verification-tag';
import { ActionForm } from '../../../../../../components/forms/action-form';
import { Banner } from '../../../../../../components/forms/fields';
import { NotFoundContent } from '../../../../../../components/not-found-content';
import { ApiError } from '../../../../../../lib/api';
import { nppesPage } from '../../../../../../lib/state-boards';
import { AdminNav } from '../../../admin-nav';
import { DECISION_BUTTONS, decisionFields } from '../../../decision-fields';
import { requireAdmin } from '../../../require-admin';
import { decideProvider } from '../../actions';
import { RegistryComparison } from './registry-comparison';

export const metadata: Metadata = { title: 'Check an NPI' };

type Props = { params: Promise<{ providerId: string }> };

/** A prescriber's entries beside the NPPES registry's record of their NPI, and the decision. */
export default async function NpiCheckPage({ params }: Props) {
  const { providerId } = await params;
  const session = await requireAdmin(`/admin/verification/npi/${encodeURIComponent(providerId)}`);
  if (!session) return <NotFoundContent />;
  const { pendingProviderVerifications } = await session.call(PendingProviderVerificationsDocument, { first: 200 });
  const provider = pendingProviderVerifications.find((p) => p.id === providerId);
  if (!provider) {
    return (
      <>
        <h1>Check an NPI</h1>
        <AdminNav current="/admin/verification" />
        <Banner kind="info">
          This prescriber&apos;s NPI is not waiting for verification (it was decided already, or it does not exist).{' '}
          <Link className="usa-link" href="/admin/verification">
            Back to the queue
          </Link>
        </Banner>
      </>
    );
  }
  const lookup = await session.call(ProviderRegistryRecordDocument, { providerId }).then(
    (data) => data.providerRegistryRecord,
    (error: unknown) => {
      if (error instanceof ApiError) return null;
      throw error;
    },
  );
  return (
    <>
      <h1>Check the NPI of {provider.displayName}</h1>
      <AdminNav current="/admin/verification" />
      <p>
        Status: <VerificationTag status={provider.verification.status} />. Check by hand at{' '}
        <a className="usa-link" href={nppesPage(provider.npi)} rel="noopener noreferrer" target="_blank">
          the NPPES NPI Registry page of {provider.npi}
          <span className="usa-sr-only"> (opens in a new tab)</span>
        </a>
        .
      </p>
      {lookup ? (
        <RegistryComparison provider={provider} lookup={lookup} />
      ) : (
        <Banner kind="warning">The registry record could not be loaded; check the NPI by hand.</Banner>
      )}
      <h2>Decision</h2>
      <ActionForm
        id="decide-npi"
        action={decideProvider}
        hidden={{ providerId }}
        fields={decisionFields(
          lookup?.status === 'FOUND'
            ? 'NPPES NPI Registry: name, taxonomy, state and active status compared'
            : 'NPPES NPI Registry, checked by hand',
        )}
        buttons={DECISION_BUTTONS}
        reloadHref={`/admin/verification/npi/${providerId}`}
      />
    </>
  );
}
