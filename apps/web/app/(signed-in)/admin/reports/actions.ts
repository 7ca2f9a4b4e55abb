'use server';

import { redirect } from 'next/navigation';
import { ResolveListingProblemReportDocument } from '@mmn/api-client';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { actionSession } from '../../../../lib/session';

/** Resolves a listing problem report with a note (once: a second resolution is a CONFLICT banner). */
export async function resolveReport(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { note: text(form, 'note', 2000).trim() };
  if (!values.note)
    return { status: 'error', message: CORRECT_FIELDS, fieldErrors: { note: 'Say what was done.' }, values };
  const session = await actionSession('/admin/reports');
  try {
    await session.call(ResolveListingProblemReportDocument, { id: text(form, 'id', 100), note: values.note });
  } catch (error) {
    return errorState(error, values, (p) => (p === 'note' ? 'note' : null));
  }
  redirect('/admin/reports?done=resolved');
}
