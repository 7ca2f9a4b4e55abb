'use server';

import { redirect } from 'next/navigation';
import { ReinstateTherapistDocument, SuspendTherapistDocument } from '@mmn/api-client';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../../lib/forms';
import { actionSession } from '../../../../../lib/session';

/** Suspend (hide from the public) or reinstate a therapist, with the reason kept in the change history. */
export async function changeSuspension(_previous: FormState, form: FormData): Promise<FormState> {
  const therapistId = text(form, 'therapistId', 100);
  const suspend = form.get('intent') === 'suspend';
  const values = { reason: text(form, 'reason', 2000).trim() };
  if (!values.reason)
    return { status: 'error', message: CORRECT_FIELDS, fieldErrors: { reason: 'Give the reason.' }, values };
  const path = `/admin/therapists/${encodeURIComponent(therapistId)}`;
  const session = await actionSession(path);
  try {
    const input = { therapistId, reason: values.reason };
    if (suspend) await session.call(SuspendTherapistDocument, { input });
    else await session.call(ReinstateTherapistDocument, { input });
  } catch (error) {
    return errorState(error, values, (p) => (p === 'reason' ? 'reason' : null));
  }
  redirect(`${path}?done=${suspend ? 'suspended' : 'reinstated'}`);
}
