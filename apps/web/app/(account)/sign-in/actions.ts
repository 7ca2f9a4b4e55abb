'use server';

import { redirect } from 'next/navigation';
import { LoginDocument } from '@mmn/api-client';
import { callApi } from '../../../lib/api';
import { errorState, type FormState, text } from '../../../lib/forms';
import { storeTokens } from '../../../lib/session/cookies';
import { homeFor, safeNextPath } from '../../../lib/session/next-path';

export type SignInField = 'email' | 'password';

/** Sign in: the tokens go into HttpOnly cookies, then back to where the visitor was going. */
export async function signIn(_previous: FormState<SignInField>, form: FormData): Promise<FormState<SignInField>> {
  const email = text(form, 'email', 320).trim();
  const password = text(form, 'password', 1000);
  const values = { email };
  const fieldErrors: FormState<SignInField>['fieldErrors'] = {};
  if (!email) fieldErrors.email = 'Enter your email address.';
  if (!password) fieldErrors.password = 'Enter your password.';
  if (fieldErrors.email || fieldErrors.password)
    return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors, values };
  let role: string;
  try {
    const { login } = await callApi(LoginDocument, { input: { email, password } });
    await storeTokens(login);
    role = login.user.role;
  } catch (error) {
    const state = errorState<SignInField>(
      error,
      values,
      (path) => (path === 'email' || path === 'password' ? path : null),
      { rateLimited: 'Too many sign-in attempts.' },
    );
    if (state.message && /wrong email or password/i.test(state.message))
      state.message = 'The email address or password is not right. Check them and try again.';
    return state;
  }
  const next = text(form, 'next', 600);
  redirect(next ? safeNextPath(next, homeFor(role)) : homeFor(role));
}
