'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton, TextField } from '../../../components/forms/fields';
import { idleState } from '../../../lib/forms';
import { claim } from './actions';

export function ClaimForm() {
  const [state, action, pending] = useActionState(claim, idleState());
  return (
    <form className="usa-form" action={action} noValidate>
      <FormStatus status={state.status} message={state.message} />
      <TextField
        id="claim-code"
        name="accessCode"
        label="Access code"
        hint="12 letters and digits from your hand-out, for example ABCD-EFGH-2345."
        autoComplete="off"
        className="text-uppercase"
        defaultValue={state.values.accessCode}
        error={state.fieldErrors.accessCode}
      />
      <TextField
        id="claim-dob"
        name="dateOfBirth"
        label="Your date of birth"
        type="date"
        autoComplete="bday"
        defaultValue={state.values.dateOfBirth}
        error={state.fieldErrors.dateOfBirth}
      />
      <SubmitButton pending={pending}>Claim referral</SubmitButton>
    </form>
  );
}
