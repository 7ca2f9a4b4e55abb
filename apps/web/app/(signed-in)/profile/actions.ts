'use server';

import { redirect } from 'next/navigation';
import {
  type PracticeContext,
  SavePrescriberProfileDocument,
  SaveTherapistProfileDocument,
  type TreatmentIntention,
} from '@mmn/api-client';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../lib/forms';
import { actionSession } from '../../../lib/session';
import { parseLanguages } from './languages';
import { isValidNpi } from './npi';

const PATH = '/profile';

export type TherapistField =
  | 'displayName'
  | 'credentialLetters'
  | 'bio'
  | 'languages'
  | 'practiceContexts'
  | 'treatmentIntentions'
  | 'acceptingNewPatients'
  | 'billsInsurance'
  | 'conditionIds'
  | 'techniqueIds';

const THERAPIST_FIELDS: readonly TherapistField[] = [
  'displayName',
  'credentialLetters',
  'bio',
  'languages',
  'practiceContexts',
  'treatmentIntentions',
  'acceptingNewPatients',
  'billsInsurance',
  'conditionIds',
  'techniqueIds',
];

function listOf(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length < 100)
    .slice(0, 200);
}

function fieldOf<Field extends string>(fields: readonly Field[]) {
  return (path: string): Field | null => {
    const top = path.split('.')[0];
    return fields.find((field) => field === top) ?? null;
  };
}

/** Saves the therapist's profile (every field of the editor; checkboxes left unticked clear their list). */
export async function saveTherapistProfile(
  _previous: FormState<TherapistField>,
  form: FormData,
): Promise<FormState<TherapistField>> {
  const lists = {
    practiceContexts: listOf(form, 'practiceContexts'),
    treatmentIntentions: listOf(form, 'treatmentIntentions'),
    conditionIds: listOf(form, 'conditionIds'),
    techniqueIds: listOf(form, 'techniqueIds'),
  };
  const values = {
    displayName: text(form, 'displayName', 200).trim(),
    credentialLetters: text(form, 'credentialLetters', 100).trim(),
    bio: text(form, 'bio', 2100),
    languages: text(form, 'languages', 400),
    acceptingNewPatients: form.get('acceptingNewPatients') === 'yes' ? 'yes' : '',
    billsInsurance: form.get('billsInsurance') === 'yes' ? 'yes' : '',
    ...Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list.join(',')])),
  };
  const fieldErrors: FormState<TherapistField>['fieldErrors'] = {};
  if (!values.displayName) fieldErrors.displayName = 'Enter the name patients will see.';
  if (values.bio.length > 2000) fieldErrors.bio = `Shorten your bio to 2000 characters (it has ${values.bio.length}).`;
  const languages = parseLanguages(values.languages);
  if (languages.unknown.length > 0)
    fieldErrors.languages = `We do not know ${languages.unknown.map((l) => `“${l}”`).join(', ')}: use a language name or its two-letter code.`;
  if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  const session = await actionSession(PATH);
  try {
    await session.call(SaveTherapistProfileDocument, {
      input: {
        displayName: values.displayName,
        credentialLetters: values.credentialLetters,
        bio: values.bio,
        languages: languages.codes,
        practiceContexts: lists.practiceContexts as PracticeContext[],
        treatmentIntentions: lists.treatmentIntentions as TreatmentIntention[],
        acceptingNewPatients: values.acceptingNewPatients === 'yes',
        billsInsurance: values.billsInsurance === 'yes',
        conditionIds: lists.conditionIds,
        techniqueIds: lists.techniqueIds,
      },
    });
  } catch (error) {
    return errorState(error, values, fieldOf(THERAPIST_FIELDS));
  }
  redirect(`${PATH}?done=profile`);
}

export type PrescriberField = 'displayName' | 'npi' | 'taxonomyCode' | 'specialty' | 'organization';
const PRESCRIBER_FIELDS: readonly PrescriberField[] = [
  'displayName',
  'npi',
  'taxonomyCode',
  'specialty',
  'organization',
];

/** Saves the prescriber's profile; a new or changed NPI waits for an administrator's check (PENDING). */
export async function savePrescriberProfile(
  _previous: FormState<PrescriberField>,
  form: FormData,
): Promise<FormState<PrescriberField>> {
  const values = {
    displayName: text(form, 'displayName', 200).trim(),
    npi: text(form, 'npi', 20).replace(/\s+/g, ''),
    taxonomyCode: text(form, 'taxonomyCode', 20).trim().toUpperCase(),
    specialty: text(form, 'specialty', 200).trim(),
    organization: text(form, 'organization', 200).trim(),
  };
  const fieldErrors: FormState<PrescriberField>['fieldErrors'] = {};
  if (!values.displayName) fieldErrors.displayName = 'Enter your name as patients and therapists should see it.';
  if (values.npi && !isValidNpi(values.npi))
    fieldErrors.npi = 'This is not a valid NPI: it has 10 digits and the last one is a check digit. Check for a typo.';
  if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  const session = await actionSession(PATH);
  try {
    await session.call(SavePrescriberProfileDocument, {
      input: {
        displayName: values.displayName,
        ...(values.npi ? { npi: values.npi } : {}),
        taxonomyCode: values.taxonomyCode || null,
        specialty: values.specialty || null,
        organization: values.organization || null,
      },
    });
  } catch (error) {
    return errorState(error, values, fieldOf(PRESCRIBER_FIELDS));
  }
  redirect(`${PATH}?done=prescriber`);
}
