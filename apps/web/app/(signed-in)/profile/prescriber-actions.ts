'use server';

import { redirect } from 'next/navigation';
import { MyProviderProfileDocument, SavePrescriberProfileDocument } from '@mmn/api-client';
import { errorState, type FormState, text } from '../../../lib/forms';
import { actionSession } from '../../../lib/session';
import { locationFieldOf, readLocation } from './locations/location-values';

const PATH = '/profile';

/** Adds a location to the prescriber's list (the API takes the whole list; coordinates come from the ZIP). */
export async function addPrescriberLocation(_previous: FormState, form: FormData): Promise<FormState> {
  const { values, fieldErrors } = readLocation(form);
  if (Object.keys(fieldErrors).length > 0)
    return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors, values };
  const session = await actionSession(PATH);
  try {
    const { myProviderProfile } = await session.call(MyProviderProfileDocument, {});
    const current = myProviderProfile.locations.map((l) => ({
      label: l.label,
      addressLine: l.addressLine,
      city: l.city,
      state: l.state,
      postalCode: l.postalCode,
    }));
    await session.call(SavePrescriberProfileDocument, {
      input: { locations: [...current, { ...values, label: values.label || null }] },
    });
  } catch (error) {
    const last = (path: string) => locationFieldOf(path.replace(/^locations\.\d+\./, ''));
    return errorState(error, values, last);
  }
  redirect(`${PATH}?done=location`);
}

export async function removePrescriberLocation(_previous: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id', 100);
  const session = await actionSession(PATH);
  try {
    const { myProviderProfile } = await session.call(MyProviderProfileDocument, {});
    const kept = myProviderProfile.locations
      .filter((l) => l.id !== id)
      .map((l) => ({
        label: l.label,
        addressLine: l.addressLine,
        city: l.city,
        state: l.state,
        postalCode: l.postalCode,
      }));
    await session.call(SavePrescriberProfileDocument, { input: { locations: kept } });
  } catch (error) {
    return errorState(error, {}, () => null);
  }
  redirect(`${PATH}?done=location-removed`);
}
