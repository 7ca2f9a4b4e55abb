'use server';

import { redirect } from 'next/navigation';
import {
  AddOwnCertificationDocument,
  AddOwnLicenseDocument,
  AddOwnNetworkMembershipDocument,
  type CredentialKind,
  RemoveOwnCredentialDocument,
} from '@mmn/api-client';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../../lib/forms';
import { actionSession } from '../../../../lib/session';

const PATH = '/profile/credentials';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Errors = Record<string, string>;

function dateField(form: FormData, name: string, errors: Errors, label: string, required: boolean): string {
  const value = text(form, name, 20).trim();
  if (!value && required) errors[name] = `Enter the ${label}.`;
  else if (value && (!DATE.test(value) || Number.isNaN(Date.parse(value))))
    errors[name] = `Enter the ${label} as a date, for example 2027-06-30.`;
  return value;
}

async function submit(
  values: Record<string, string>,
  errors: Errors,
  call: (session: Awaited<ReturnType<typeof actionSession>>) => Promise<unknown>,
  done: string,
): Promise<FormState> {
  if (Object.keys(errors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors: errors, values };
  const session = await actionSession(PATH);
  try {
    await call(session);
  } catch (error) {
    return errorState(error, values, (path) => (path in values ? path : null));
  }
  redirect(`${PATH}?done=${done}`);
}

export async function addLicense(_previous: FormState, form: FormData): Promise<FormState> {
  const errors: Errors = {};
  const values = {
    state: text(form, 'state', 2).toUpperCase(),
    licenseNumber: text(form, 'licenseNumber', 60).trim(),
    issuedOn: dateField(form, 'issuedOn', errors, 'date of issue', false),
    expiresOn: dateField(form, 'expiresOn', errors, 'expiry date', true),
  };
  if (!values.state) errors.state = 'Choose the state that issued the license.';
  if (!values.licenseNumber) errors.licenseNumber = 'Enter the license number as the board shows it.';
  return submit(
    values,
    errors,
    (session) => session.call(AddOwnLicenseDocument, { input: { ...values, issuedOn: values.issuedOn || null } }),
    'license',
  );
}

export async function addCertification(_previous: FormState, form: FormData): Promise<FormState> {
  const errors: Errors = {};
  const values = {
    name: text(form, 'name', 200).trim(),
    issuer: text(form, 'issuer', 200).trim(),
    issuedOn: dateField(form, 'issuedOn', errors, 'date of issue', false),
    expiresOn: dateField(form, 'expiresOn', errors, 'expiry date', false),
  };
  if (!values.name) errors.name = 'Enter the certification, for example Board Certified in Therapeutic Massage.';
  if (!values.issuer) errors.issuer = 'Enter who issued it, for example NCBTMB.';
  return submit(
    values,
    errors,
    (session) =>
      session.call(AddOwnCertificationDocument, {
        input: { ...values, issuedOn: values.issuedOn || null, expiresOn: values.expiresOn || null },
      }),
    'certification',
  );
}

export async function addMembership(_previous: FormState, form: FormData): Promise<FormState> {
  const errors: Errors = {};
  const values = {
    networkId: text(form, 'networkId', 100),
    effectiveFrom: dateField(form, 'effectiveFrom', errors, 'start date', true),
    effectiveTo: dateField(form, 'effectiveTo', errors, 'end date', false),
  };
  if (!values.networkId) errors.networkId = 'Choose the network.';
  return submit(
    values,
    errors,
    (session) =>
      session.call(AddOwnNetworkMembershipDocument, { input: { ...values, effectiveTo: values.effectiveTo || null } }),
    'membership',
  );
}

const KINDS: readonly CredentialKind[] = ['LICENSE', 'CERTIFICATION', 'NETWORK_MEMBERSHIP'];

export async function removeCredential(_previous: FormState, form: FormData): Promise<FormState> {
  const kind = text(form, 'kind', 30) as CredentialKind;
  if (!KINDS.includes(kind))
    return { status: 'error', message: 'This credential cannot be removed.', fieldErrors: {}, values: {} };
  const session = await actionSession(PATH);
  try {
    await session.call(RemoveOwnCredentialDocument, { credentialId: text(form, 'id', 100), kind });
  } catch (error) {
    return errorState(error, {}, () => null);
  }
  redirect(`${PATH}?done=removed`);
}
