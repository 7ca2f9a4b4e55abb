'use client';

import { useActionState, useState } from 'react';
import { FormStatus, SelectField, SubmitButton, TextField } from '../../../components/forms/fields';
import type { FormState } from '../../../lib/forms';
import { type PrescriberField, savePrescriberProfile } from './actions';
import { isValidNpi } from './npi';
import { PRESCRIBER_TAXONOMIES } from './taxonomy';

/** With JavaScript: the NPI's check digit is tested as it is typed; the server checks it again on save. */
function npiFeedback(npi: string): string {
  const digits = npi.replace(/\s+/g, '');
  if (!digits) return '';
  if (!/^\d*$/.test(digits)) return 'An NPI has digits only.';
  if (digits.length < 10) return `${10 - digits.length} more digit${digits.length === 9 ? '' : 's'} to go.`;
  if (digits.length > 10) return 'An NPI has 10 digits.';
  if (!/^[12]/.test(digits)) return 'An NPI starts with 1 or 2.';
  return isValidNpi(digits) ? 'The check digit is right.' : 'The check digit does not match: check for a typo.';
}

export function PrescriberForm({ initial }: { initial: FormState<PrescriberField> }) {
  const [state, action, pending] = useActionState(savePrescriberProfile, initial);
  const v = state.values;
  const [npi, setNpi] = useState(v.npi ?? '');
  const feedback = npiFeedback(npi);
  const options = PRESCRIBER_TAXONOMIES.map((t) => ({ value: t.code, label: `${t.name} (${t.code})` }));
  if (v.taxonomyCode && !options.some((o) => o.value === v.taxonomyCode))
    options.unshift({ value: v.taxonomyCode, label: `${v.taxonomyCode} (as entered)` });
  return (
    <form className="usa-form usa-form--large" action={action} noValidate>
      <FormStatus status={state.status} message={state.message} />
      <TextField
        id="prescriber-displayName"
        name="displayName"
        label="Your name"
        autoComplete="name"
        defaultValue={v.displayName}
        error={state.fieldErrors.displayName}
      />
      <div className={`usa-form-group${state.fieldErrors.npi ? ' usa-form-group--error' : ''}`}>
        <label className={`usa-label${state.fieldErrors.npi ? ' usa-label--error' : ''}`} htmlFor="prescriber-npi">
          NPI (National Provider Identifier)
        </label>
        <div className="usa-hint" id="prescriber-npi-hint">
          10 digits, as in the NPPES registry. Changing a verified NPI sends it back for verification.
        </div>
        {state.fieldErrors.npi ? (
          <span className="usa-error-message" id="prescriber-npi-error">
            {state.fieldErrors.npi}
          </span>
        ) : null}
        <input
          className={`usa-input usa-input--md${state.fieldErrors.npi ? ' usa-input--error' : ''}`}
          id="prescriber-npi"
          name="npi"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={v.npi}
          onChange={(event) => setNpi(event.target.value)}
          aria-invalid={state.fieldErrors.npi ? true : undefined}
          aria-describedby={`prescriber-npi-hint prescriber-npi-check${state.fieldErrors.npi ? ' prescriber-npi-error' : ''}`}
        />
        <span className="usa-hint display-block margin-top-05" id="prescriber-npi-check" aria-live="polite">
          {feedback}
        </span>
      </div>
      <SelectField
        id="prescriber-taxonomyCode"
        name="taxonomyCode"
        label="Taxonomy (NUCC)"
        hint="Your primary taxonomy as registered with NPPES"
        required={false}
        blank="Choose your taxonomy"
        options={options}
        defaultValue={v.taxonomyCode}
        error={state.fieldErrors.taxonomyCode}
      />
      <TextField
        id="prescriber-specialty"
        name="specialty"
        label="Specialty"
        required={false}
        defaultValue={v.specialty}
        error={state.fieldErrors.specialty}
      />
      <TextField
        id="prescriber-organization"
        name="organization"
        label="Organization"
        required={false}
        autoComplete="organization"
        defaultValue={v.organization}
        error={state.fieldErrors.organization}
      />
      <SubmitButton pending={pending}>Save profile</SubmitButton>
    </form>
  );
}
