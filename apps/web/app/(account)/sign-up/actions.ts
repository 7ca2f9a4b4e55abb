'use server';

import { redirect } from 'next/navigation';
import { RegisterDocument, type Role } from '@mmn/api-client';
import { ApiError, callApi } from '../../../lib/api';
import { CORRECT_FIELDS, errorState, type FormState, text } from '../../../lib/forms';
import { storeTokens } from '../../../lib/session/cookies';
import { homeFor, safeNextPath } from '../../../lib/session/next-path';

export type SignUpField = 'role' | 'displayName' | 'email' | 'password';

const ROLES: readonly Role[] = ['PATIENT', 'THERAPIST', 'PROVIDER'];

/** Create an account (patient, massage therapist or prescriber) and sign in. The API judges the password. */
export async function signUp(_previous: FormState<SignUpField>, form: FormData): Promise<FormState<SignUpField>> {
  const values = {
    role: text(form, 'role', 20),
    displayName: text(form, 'displayName', 200).trim(),
    email: text(form, 'email', 320).trim(),
  };
  const password = text(form, 'password', 1000);
  const fieldErrors: FormState<SignUpField>['fieldErrors'] = {};
  if (!ROLES.includes(values.role as Role)) fieldErrors.role = 'Choose who you are.';
  if (!values.displayName) fieldErrors.displayName = 'Enter your name.';
  if (!values.email) fieldErrors.email = 'Enter your email address.';
  if (!password) fieldErrors.password = 'Choose a password.';
  if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: CORRECT_FIELDS, fieldErrors, values };
  let role: string;
  try {
    const { register } = await callApi(RegisterDocument, { input: { ...values, role: values.role as Role, password } });
    await storeTokens(register);
    role = register.user.role;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'CONFLICT')
      return {
        status: 'error',
        message: CORRECT_FIELDS,
        fieldErrors: { email: 'An account with this email address exists already. Sign in instead.' },
        values,
      };
    return errorState<SignUpField>(
      error,
      values,
      (path) => (['role', 'displayName', 'email', 'password'] as const).find((field) => field === path) ?? null,
      { rateLimited: 'Too many accounts were created from your network.' },
    );
  }
  const next = text(form, 'next', 600);
  redirect(next ? safeNextPath(next, homeFor(role)) : homeFor(role));
}
