'use server';

import {
  SetReferralHistorySharingDocument,
  StartReferralTransferDocument,
  SubmitReferralTransferSummaryDocument,
} from '@mmn/api-client';
import { type FormState, text } from '../../../../lib/forms';
import { chosenReason, TRANSFER_REASONS } from './referral-forms';
import { run } from './run-action';

type State = FormState;

/** "Continue care in another city": ends this referral TRANSFERRED; the patient and prescriber land on the continuation. */
export async function startTransfer(_: State, form: FormData): Promise<State> {
  const values = {
    newCity: text(form, 'newCity', 200).trim(),
    reasonCode: text(form, 'reasonCode', 60),
    reasonText: text(form, 'reasonText', 1000).trim(),
  };
  const { reason, errors } = chosenReason(TRANSFER_REASONS, values, 'Choose why care moves.');
  if (!values.newCity) errors.newCity = 'Enter the city or ZIP code where care continues.';
  return run(
    form,
    values,
    errors,
    (s, referralId) =>
      s.call(StartReferralTransferDocument, { input: { referralId, newCity: values.newCity, reason } }),
    'transferred',
    (path) => (path === 'newCity' ? 'newCity' : path === 'reason' ? 'reasonText' : null),
    // The therapist gets the TRANSFERRED referral back (to write the summary), the others the continuation.
    (result) => (result as { startTransfer: { id: string } }).startTransfer.id,
  );
}

export async function submitTransferSummary(_: State, form: FormData): Promise<State> {
  const values = { summary: text(form, 'summary', 10000).trim() };
  const errors: Record<string, string> = values.summary
    ? {}
    : { summary: 'Write the treatment so far, the response and your recommendations.' };
  return run(
    form,
    values,
    errors,
    (s, referralId) => s.call(SubmitReferralTransferSummaryDocument, { referralId, summary: values.summary }),
    'summary',
    () => 'summary',
  );
}

/** The patient's consent: whether the continuation's therapist sees the earlier care (and, separately, SOAP notes). */
export async function setHistorySharing(_: State, form: FormData): Promise<State> {
  const values = { share: text(form, 'share', 5), soap: text(form, 'soap', 5) };
  const errors: Record<string, string> =
    values.share === 'yes' || values.share === 'no' ? {} : { share: 'Choose whether to share your earlier care.' };
  const shareHistory = values.share === 'yes';
  return run(
    form,
    values,
    errors,
    (s, referralId) =>
      s.call(SetReferralHistorySharingDocument, {
        referralId,
        shareHistory,
        shareSoapNotes: shareHistory && values.soap === 'yes',
      }),
    shareHistory ? 'shared' : 'unshared',
  );
}
