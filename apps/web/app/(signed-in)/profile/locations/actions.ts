'use server';

import { redirect } from 'next/navigation';
import { AddOwnPracticeLocationDocument, RemoveOwnPracticeLocationDocument } from '@mmn/api-client';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { actionSession } from '../../../../lib/session';
import { locationFieldOf, readLocation } from './location-values';

const PATH = '/profile/locations';

/** Adds a practice location; the API places it from its ZIP code and refuses a ZIP of another state. */
export async function addLocation(_previous: FormState, form: FormData): Promise<FormState> {
  const { values, fieldErrors } = readLocation(form);
  if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  const session = await actionSession(PATH);
  try {
    await session.call(AddOwnPracticeLocationDocument, { input: { ...values, label: values.label || null } });
  } catch (error) {
    return errorState(error, values, locationFieldOf);
  }
  redirect(`${PATH}?done=added`);
}

export async function removeLocation(_previous: FormState, form: FormData): Promise<FormState> {
  const session = await actionSession(PATH);
  try {
    await session.call(RemoveOwnPracticeLocationDocument, { id: text(form, 'id', 100) });
  } catch (error) {
    return errorState(error, {}, () => null);
  }
  redirect(`${PATH}?done=removed`);
}
