'use server';

import { redirect } from 'next/navigation';
import { ClaimReferralWithCodeDocument } from '@mmn/api-client';
import { ApiError } from '../../../lib/api';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../lib/forms';
import { actionSession } from '../../../lib/session';

export type ClaimField = 'accessCode' | 'dateOfBirth';

/** Claim with the hand-out's code and the patient's date of birth; then the referral page. */
export async function claim(_: FormState<ClaimField>, form: FormData): Promise<FormState<ClaimField>> {
  const values = { accessCode: text(form, 'accessCode', 40).trim(), dateOfBirth: text(form, 'dateOfBirth', 20) };
  const fieldErrors: FormState<ClaimField>['fieldErrors'] = {};
  if (values.accessCode.replace(/[\s-]/g, '').length < 4) fieldErrors.accessCode = 'Enter the code from your hand-out.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth)) fieldErrors.dateOfBirth = 'Enter your date of birth.';
  if (Object.keys(fieldErrors).length) return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  const session = await actionSession('/claim');
  let id: string;
  try {
    id = (await session.call(ClaimReferralWithCodeDocument, values)).claimReferral.id;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND')
      return {
        status: 'error',
        message: 'That code and date of birth do not match a referral. Check both against your hand-out and try again.',
        fieldErrors: {},
        values,
      };
    return errorState<ClaimField>(
      error,
      values,
      (path) => (path === 'accessCode' || path === 'dateOfBirth' ? path : null),
      { rateLimited: 'Too many tries with a wrong code or date of birth.' },
    );
  }
  redirect(`/referrals/${id}?done=claimed`);
}
