'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  ComposerTherapistSearchDocument,
  DiagnosisByCodeDocument,
  DiagnosisLookupDocument,
  SendReferralDocument,
} from '@mmn/api-client';
import { ApiError, callApi } from '../../../../lib/api';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { actionSession } from '../../../../lib/session';
import { HANDOUT_COOKIE, handoutCookieOptions } from '../handout-code';
import {
  checkValues,
  codesOf,
  type ComposerField,
  composerFieldOf,
  type ComposerValues,
  readValues,
  toInput,
} from './composer-values';

export interface TherapistOption {
  id: string;
  name: string;
  where: string;
}

export interface ComposerState extends FormState<ComposerField> {
  step: 'edit' | 'review' | 'sent';
  values: Partial<ComposerValues>;
  diagnoses?: { code: string; description: string }[];
  therapists?: TherapistOption[];
  therapistMessage?: string;
  created?: { id: string; accessCode: string };
}

const PATH = '/referrals/new';

/** The composer's one action: find therapists, review, go back to edit, or send (each a submit button's intent). */
export async function composeReferral(_previous: ComposerState, form: FormData): Promise<ComposerState> {
  const values = readValues(form);
  const intent = form.get('intent');
  if (intent === 'find') return findTherapists(values);
  if (intent === 'edit') return { step: 'edit', status: 'idle', fieldErrors: {}, values };
  const fieldErrors = checkValues(values);
  if (Object.keys(fieldErrors).length > 0)
    return { step: 'edit', status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  if (intent !== 'send') return review(values);
  const session = await actionSession(PATH);
  try {
    const { createReferral } = await session.call(SendReferralDocument, { input: toInput(values) });
    return {
      step: 'sent',
      status: 'done',
      fieldErrors: {},
      values: {},
      created: { id: createReferral.referral.id, accessCode: createReferral.accessCode },
    };
  } catch (error) {
    const state = errorState<ComposerField>(error, values, composerFieldOf);
    if (error instanceof ApiError && error.code === 'FORBIDDEN')
      state.message = `This referral was not sent. ${error.message}`;
    return { ...state, step: error instanceof ApiError && error.code === 'FORBIDDEN' ? 'review' : 'edit' };
  }
}

/** The review step: every code looked up, so an unknown one is caught here, next to its field. */
async function review(values: ComposerValues): Promise<ComposerState> {
  const codes = codesOf(values.diagnosisCodes);
  const found = await Promise.all(codes.map((code) => callApi(DiagnosisByCodeDocument, { code })));
  const unknown = codes.filter((_, i) => !found[i].diagnosis);
  if (unknown.length > 0)
    return {
      step: 'edit',
      status: 'error',
      message: CORRECT_FIELDS,
      fieldErrors: { diagnosisCodes: `Unknown ICD-10-CM code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.` },
      values,
    };
  return {
    step: 'review',
    status: 'idle',
    fieldErrors: {},
    values,
    diagnoses: found.map((f) => ({ code: f.diagnosis!.code, description: f.diagnosis!.description })),
  };
}

/** The therapist picker: verified therapists accepting new patients near the patient, in a network if chosen. */
async function findTherapists(values: ComposerValues): Promise<ComposerState> {
  const near = values.patientCity.trim();
  const base: ComposerState = { step: 'edit', status: 'idle', fieldErrors: {}, values };
  if (!near) return { ...base, status: 'error', fieldErrors: { patientCity: "Enter the patient's city or ZIP code." } };
  try {
    const { searchTherapists } = await callApi(ComposerTherapistSearchDocument, {
      input: {
        near,
        verifiedOnly: true,
        acceptingNewPatients: true,
        networkIds: values.networkId ? [values.networkId] : null,
        sort: 'DISTANCE',
        pageSize: 10,
      },
    });
    const therapists = searchTherapists.hits.map((hit) => ({
      id: hit.therapist.id,
      name: `${hit.therapist.displayName}${hit.therapist.credentialLetters ? `, ${hit.therapist.credentialLetters}` : ''}`,
      where: hit.nearestLocation
        ? `${hit.nearestLocation.city}, ${hit.nearestLocation.state}${hit.distanceKm !== null && hit.distanceKm !== undefined ? ` (${(hit.distanceKm / 1.609344).toFixed(1)} miles)` : ''}`
        : '',
    }));
    const place = searchTherapists.resolvedPlace?.label ?? near;
    return {
      ...base,
      therapists,
      therapistMessage: therapists.length
        ? `${therapists.length} verified therapist${therapists.length === 1 ? '' : 's'} accepting new patients near ${place}.`
        : `No verified therapist accepting new patients near ${place}${values.networkId ? ' in that network' : ''}. Leave the referral open for the patient to choose, or try another place.`,
    };
  } catch (error) {
    const state = errorState<ComposerField>(error, values, () => 'patientCity');
    return { ...state, step: 'edit', fieldErrors: { patientCity: state.fieldErrors.patientCity ?? state.message } };
  }
}

/** ICD-10-CM look-up as the prescriber types (JavaScript only; the form still takes codes without it). */
export async function lookUpDiagnoses(text: string): Promise<{ code: string; description: string }[]> {
  const query = text.trim().slice(0, 100);
  if (query.length < 2) return [];
  try {
    const { searchDiagnoses } = await callApi(DiagnosisLookupDocument, { text: query, first: 8 });
    return searchDiagnoses.map((d) => ({ code: d.code, description: d.description }));
  } catch {
    return [];
  }
}

/**
 * The printable hand-out needs the access code, which is never stored: the confirmation posts it here, it goes
 * into a short-lived HttpOnly cookie for the hand-out page alone, and that page shows it.
 */
export async function openHandout(form: FormData): Promise<void> {
  const id = text(form, 'referralId', 40);
  const code = text(form, 'accessCode', 40);
  if (!/^[0-9a-f-]{36}$/i.test(id) || !/^[A-Z0-9-]{4,20}$/.test(code)) redirect('/referrals');
  (await cookies()).set(HANDOUT_COOKIE, `${id}.${code}`, handoutCookieOptions());
  redirect(`/referrals/${id}/handout`);
}
