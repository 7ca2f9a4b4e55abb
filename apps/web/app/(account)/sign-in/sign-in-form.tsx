'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormStatus, SubmitButton, TextField } from '../../../components/forms/fields';
import { idleState } from '../../../lib/forms';
import { signIn } from './actions';

/** A plain form post without JavaScript; with it, the same action without a page load. */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signIn, idleState());
  return (
    <form className="usa-form" action={action} noValidate>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="next" value={next} />
      <TextField
        id="sign-in-email"
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <TextField
        id="sign-in-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors.password}
      />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <p>
        New here?{' '}
        <Link className="usa-link" href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
