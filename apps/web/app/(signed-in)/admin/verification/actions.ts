'use server';

import { redirect } from 'next/navigation';
import { AdminVerifyCredentialDocument, AdminVerifyProviderDocument, type CredentialKind } from '@mmn/api-client';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { actionSession } from '../../../../lib/session';

const KINDS: readonly CredentialKind[] = ['LICENSE', 'CERTIFICATION', 'NETWORK_MEMBERSHIP'];

function readDecision(form: FormData) {
  const status = form.get('status') === 'REJECTED' ? ('REJECTED' as const) : ('VERIFIED' as const);
  const values = { source: text(form, 'source', 300).trim(), note: text(form, 'note', 2000).trim() };
  const fieldErrors: Record<string, string> = {};
  if (!values.source) fieldErrors.source = 'Say what you checked, for example the board’s online look-up.';
  if (status === 'REJECTED' && !values.note) fieldErrors.note = 'Say why, so the therapist or prescriber can fix it.';
  return { status, values, fieldErrors };
}

const fieldOf = (path: string) => (path === 'source' || path === 'note' ? path : null);

/** Verify or reject a credential of the queue, with the source checked and a note. */
export async function decideCredential(_previous: FormState, form: FormData): Promise<FormState> {
  const { status, values, fieldErrors } = readDecision(form);
  const kind = text(form, 'kind', 30) as CredentialKind;
  if (Object.keys(fieldErrors).length > 0 || !KINDS.includes(kind))
    return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  const session = await actionSession('/admin/verification');
  try {
    await session.call(AdminVerifyCredentialDocument, {
      input: { credentialId: text(form, 'credentialId', 100), kind, status, ...values, note: values.note || null },
    });
  } catch (error) {
    return errorState(error, values, fieldOf);
  }
  redirect(`/admin/verification?done=${status === 'VERIFIED' ? 'verified' : 'rejected'}`);
}

/** Verify or reject a prescriber's NPI after comparing it with the NPPES record. */
export async function decideProvider(_previous: FormState, form: FormData): Promise<FormState> {
  const { status, values, fieldErrors } = readDecision(form);
  if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  const providerId = text(form, 'providerId', 100);
  const session = await actionSession(`/admin/verification/npi/${encodeURIComponent(providerId)}`);
  try {
    await session.call(AdminVerifyProviderDocument, {
      input: { providerId, status, ...values, note: values.note || null },
    });
  } catch (error) {
    return errorState(error, values, fieldOf);
  }
  redirect(`/admin/verification?done=${status === 'VERIFIED' ? 'npi-verified' : 'npi-rejected'}`);
}
