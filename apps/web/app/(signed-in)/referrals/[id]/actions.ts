'use server';

import {
  AcceptReferralAsTherapistDocument,
  AddReferralProgressNoteDocument,
  CancelReferralWithReasonDocument,
  ChooseReferralTherapistDocument,
  CompleteReferralWithSummaryDocument,
  ComposerTherapistSearchDocument,
  DeclineReferralAsTherapistDocument,
  EndorseReferralTherapistDocument,
  RecordReferralVisitDocument,
  RenewReferralPrescriptionDocument,
} from '@mmn/api-client';
import { callApi } from '../../../../lib/api';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { chosenReason, DECLINE_REASONS, soapNoteOf } from './referral-forms';
import { run, UUID } from './run-action';
import { reputationText } from '../../../../lib/wording';

type State = FormState;

export async function accept(_: State, form: FormData): Promise<State> {
  return run(form, {}, {}, (s, referralId) => s.call(AcceptReferralAsTherapistDocument, { referralId }), 'accepted');
}

export async function decline(_: State, form: FormData): Promise<State> {
  const values = { reasonCode: text(form, 'reasonCode', 60), reasonText: text(form, 'reasonText', 1000).trim() };
  const { reason, errors } = chosenReason(DECLINE_REASONS, values, 'Choose why you are declining.');
  return run(
    form,
    values,
    errors,
    (s, referralId) => s.call(DeclineReferralAsTherapistDocument, { referralId, reason }),
    'declined',
    () => 'reasonText',
  );
}

export async function recordVisit(_: State, form: FormData): Promise<State> {
  const values = {
    occurredOn: text(form, 'occurredOn', 20),
    minutes: text(form, 'minutes', 5),
    subjective: text(form, 'subjective', 4000),
    objective: text(form, 'objective', 4000),
    assessment: text(form, 'assessment', 4000),
    plan: text(form, 'plan', 4000),
  };
  const techniqueIds = form.getAll('techniqueIds').filter((v): v is string => typeof v === 'string');
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.occurredOn)) errors.occurredOn = 'Enter the date of the visit.';
  if (!/^\d+$/.test(values.minutes) || Number(values.minutes) < 1 || Number(values.minutes) > 240)
    errors.minutes = 'Enter the minutes treated, from 1 to 240.';
  return run(
    form,
    values,
    errors,
    (s, referralId) =>
      s.call(RecordReferralVisitDocument, {
        input: {
          referralId,
          occurredOn: values.occurredOn,
          minutes: Number(values.minutes),
          techniqueIds,
          soapNote: soapNoteOf(values),
        },
      }),
    'visit',
    (path) => (path === 'occurredOn' || path === 'minutes' ? path : path === 'soapNote' ? 'subjective' : null),
  );
}

export async function progressNote(_: State, form: FormData): Promise<State> {
  const values = { note: text(form, 'note', 4000).trim() };
  const errors: Record<string, string> = values.note ? {} : { note: 'Write the progress note.' };
  return run(
    form,
    values,
    errors,
    (s, referralId) => s.call(AddReferralProgressNoteDocument, { referralId, note: values.note }),
    'note',
    () => 'note',
  );
}

export async function complete(_: State, form: FormData): Promise<State> {
  const values = { dischargeSummary: text(form, 'dischargeSummary', 8000).trim(), mmi: text(form, 'mmi', 5) };
  const errors: Record<string, string> = {};
  if (!values.dischargeSummary) errors.dischargeSummary = 'Write the discharge summary.';
  if (values.mmi !== 'yes' && values.mmi !== 'no') errors.mmi = 'Say whether maximum medical improvement was reached.';
  return run(
    form,
    values,
    errors,
    (s, referralId) =>
      s.call(CompleteReferralWithSummaryDocument, {
        input: {
          referralId,
          dischargeSummary: values.dischargeSummary,
          reachedMaximumMedicalImprovement: values.mmi === 'yes',
        },
      }),
    'completed',
    (path) => (path === 'dischargeSummary' ? path : null),
  );
}

export async function renew(_: State, form: FormData): Promise<State> {
  const values = { additionalVisits: text(form, 'additionalVisits', 5), newExpiresOn: text(form, 'newExpiresOn', 20) };
  const errors: Record<string, string> = {};
  const n = Number(values.additionalVisits);
  if (!/^\d+$/.test(values.additionalVisits) || n < 1 || n > 104)
    errors.additionalVisits = 'Enter the number of visits to add, from 1 to 104.';
  if (values.newExpiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(values.newExpiresOn))
    errors.newExpiresOn = 'Enter a date, or leave it empty to keep the expiry.';
  return run(
    form,
    values,
    errors,
    (s, referralId) =>
      s.call(RenewReferralPrescriptionDocument, {
        input: { referralId, additionalVisits: n, newExpiresOn: values.newExpiresOn || null },
      }),
    'renewed',
  );
}

export async function cancel(_: State, form: FormData): Promise<State> {
  const values = { reason: text(form, 'reason', 1000).trim() };
  const errors: Record<string, string> = values.reason ? {} : { reason: 'Say why the referral is cancelled.' };
  return run(
    form,
    values,
    errors,
    (s, referralId) => s.call(CancelReferralWithReasonDocument, { referralId, reason: values.reason }),
    'cancelled',
    () => 'reason',
  );
}

export async function endorse(_: State, form: FormData): Promise<State> {
  const values = { note: text(form, 'note', 1000).trim(), therapistId: text(form, 'therapistId', 40) };
  return run(
    form,
    values,
    {},
    (s) => s.call(EndorseReferralTherapistDocument, { therapistId: values.therapistId, note: values.note || null }),
    'endorsed',
    () => 'note',
  );
}

export async function chooseTherapist(_: State, form: FormData): Promise<State> {
  const therapistId = text(form, 'therapistId', 40);
  return run(
    form,
    {},
    UUID.test(therapistId) ? {} : { therapistId: 'Choose a therapist.' },
    (s, referralId) => s.call(ChooseReferralTherapistDocument, { referralId, therapistId }),
    'chosen',
  );
}

export interface ChoiceSearchState extends FormState {
  therapists: { id: string; name: string; where: string; reputation: string }[];
  searched?: string;
}

/** The directory's search inside the referral: verified therapists near the city the reader types. */
export async function searchForChoice(_: ChoiceSearchState, form: FormData): Promise<ChoiceSearchState> {
  const near = text(form, 'near', 200).trim();
  const values = { near };
  if (!near)
    return {
      status: 'error',
      message: CORRECT_FIELDS,
      fieldErrors: { near: 'Enter a city or ZIP code.' },
      values,
      therapists: [],
    };
  try {
    const { searchTherapists } = await callApi(ComposerTherapistSearchDocument, {
      input: { near, verifiedOnly: true, acceptingNewPatients: true, sort: 'DISTANCE', pageSize: 10 },
    });
    const therapists = searchTherapists.hits.map((hit) => ({
      id: hit.therapist.id,
      name: `${hit.therapist.displayName}${hit.therapist.credentialLetters ? `, ${hit.therapist.credentialLetters}` : ''}`,
      where: hit.nearestLocation
        ? `${hit.nearestLocation.city}, ${hit.nearestLocation.state}${typeof hit.distanceKm === 'number' ? `, ${(hit.distanceKm / 1.609344).toFixed(1)} miles away` : ''}`
        : '',
      reputation: reputationText(hit.therapist.reputation),
    }));
    return {
      status: 'done',
      fieldErrors: {},
      values,
      therapists,
      searched: searchTherapists.resolvedPlace?.label ?? near,
    };
  } catch (error) {
    const state = errorState(error, values, () => 'near');
    return { ...state, fieldErrors: { near: state.fieldErrors.near ?? state.message ?? '' }, therapists: [] };
  }
}
