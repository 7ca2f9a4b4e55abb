'use server';

import { type ListingProblemCategory, ReportListingProblemDocument } from '@mmn/api-client';
import { ApiError, callApi } from '../../../../lib/api';

export interface ReportState {
  status: 'idle' | 'sent' | 'error';
  message?: string;
  fieldErrors: Partial<Record<'category' | 'details' | 'contactEmail', string>>;
  values: { category: string; details: string; contactEmail: string };
}

const CATEGORIES: readonly ListingProblemCategory[] = [
  'WRONG_ADDRESS',
  'WRONG_PHONE',
  'NOT_ACCEPTING_PATIENTS',
  'NO_LONGER_PRACTISING',
  'CREDENTIALS',
  'OTHER',
];

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** "Report a problem with this listing": a plain form post without JavaScript, checked here and by the API. */
export async function reportProblem(_previous: ReportState, form: FormData): Promise<ReportState> {
  const values = {
    category: text(form, 'category'),
    details: text(form, 'details').slice(0, 5000),
    contactEmail: text(form, 'contactEmail').slice(0, 300),
  };
  const therapistId = text(form, 'therapistId');
  const fieldErrors: ReportState['fieldErrors'] = {};
  if (!CATEGORIES.includes(values.category as ListingProblemCategory)) fieldErrors.category = 'Choose what is wrong.';
  if (values.details.trim() === '') fieldErrors.details = 'Tell us what is wrong.';
  else if (values.details.trim().length > 2000) fieldErrors.details = 'Use at most 2000 characters.';
  if (Object.keys(fieldErrors).length > 0)
    return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors, values };
  try {
    await callApi(ReportListingProblemDocument, {
      input: {
        therapistId,
        category: values.category as ListingProblemCategory,
        details: values.details,
        contactEmail: values.contactEmail.trim() || null,
      },
    });
    return { status: 'sent', fieldErrors: {}, values: { category: '', details: '', contactEmail: '' } };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'BAD_USER_INPUT') {
      for (const problem of error.problems) {
        const field = problem.path.replace(/^input\./, '');
        if (field === 'details' || field === 'contactEmail' || field === 'category')
          fieldErrors[field] = `This ${field === 'contactEmail' ? 'email address' : 'field'} ${problem.message}.`;
      }
      return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors, values };
    }
    if (error.code === 'RATE_LIMITED') {
      const minutes = Math.ceil((error.retryAfterSeconds ?? 3600) / 60);
      return {
        status: 'error',
        message: `You have sent several reports; please try again in ${minutes} minutes.`,
        fieldErrors,
        values,
      };
    }
    if (error.code === 'NOT_FOUND') {
      return { status: 'error', message: 'This listing is no longer public.', fieldErrors, values };
    }
    return { status: 'error', message: 'We could not send your report; please try again later.', fieldErrors, values };
  }
}
