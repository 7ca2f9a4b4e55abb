'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton, TextField } from '../../../components/forms/fields';
import { idleState } from '../../../lib/forms';
import { signUp } from './actions';

const ROLES = [
  { value: 'PATIENT', label: 'A patient', description: 'You have a referral for medical massage, or want one.' },
  { value: 'THERAPIST', label: 'A massage therapist', description: 'You receive referrals and treat patients.' },
  { value: 'PROVIDER', label: 'A prescriber', description: 'A physician, nurse practitioner or other NPI holder.' },
];

export function SignUpForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signUp, idleState());
  const roleError = state.fieldErrors.role;
  return (
    <form className="usa-form usa-form--large" action={action} noValidate>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="next" value={next} />
      <fieldset
        className={`usa-fieldset usa-form-group${roleError ? ' usa-form-group--error' : ''}`}
        aria-describedby={roleError ? 'sign-up-role-error' : undefined}
      >
        <legend className="usa-legend">I am</legend>
        {roleError ? (
          <span className="usa-error-message" id="sign-up-role-error">
            {roleError}
          </span>
        ) : null}
        {ROLES.map((role) => (
          <div className="usa-radio" key={role.value}>
            <input
              className="usa-radio__input usa-radio__input--tile"
              id={`sign-up-role-${role.value.toLowerCase()}`}
              type="radio"
              name="role"
              value={role.value}
              defaultChecked={state.values.role === role.value}
            />
            <label className="usa-radio__label" htmlFor={`sign-up-role-${role.value.toLowerCase()}`}>
              {role.label}
              <span className="usa-checkbox__label-description">{role.description}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="sign-up-name"
        name="displayName"
        label="Your name"
        autoComplete="name"
        defaultValue={state.values.displayName}
        error={state.fieldErrors.displayName}
      />
      <TextField
        id="sign-up-email"
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <TextField
        id="sign-up-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors.password}
        hint={
          <>
            At least 12 characters, and hard to guess: we check it against common and breached passwords, your name and
            your email address. Three or four unrelated words make a good one.
          </>
        }
      />
      <SubmitButton pending={pending}>Create account</SubmitButton>
    </form>
  );
}
