'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton, TextField } from '../../../components/forms/fields';
import type { FormState } from '../../../lib/forms';
import { saveTherapistProfile, type TherapistField } from './actions';
import { BioField } from './bio-field';
import { type VocabularyTerm, VocabularyPicker } from './vocabulary-picker';

const CONTEXTS = [
  { value: 'MEDICAL', label: 'Medical practice', hint: 'Prescribed treatment, with notes to the prescriber' },
  { value: 'WELLNESS', label: 'Wellness practice', hint: 'Without a prescription' },
];
const INTENTIONS = [
  { value: 'CLINICAL', label: 'Clinical', hint: 'Treating a condition toward functional goals' },
  { value: 'RELAXATION', label: 'Relaxation', hint: 'Comfort and stress relief' },
];

function Checkboxes({
  legend,
  name,
  options,
  chosen,
}: {
  legend: string;
  name: TherapistField;
  options: { value: string; label: string; hint?: string }[];
  chosen: string[];
}) {
  return (
    <fieldset className="usa-fieldset usa-form-group">
      <legend className="usa-legend">{legend}</legend>
      {options.map((option) => (
        <div className="usa-checkbox" key={option.value}>
          <input
            className="usa-checkbox__input"
            id={`profile-${name}-${option.value.toLowerCase()}`}
            type="checkbox"
            name={name}
            value={option.value}
            defaultChecked={chosen.includes(option.value)}
          />
          <label className="usa-checkbox__label" htmlFor={`profile-${name}-${option.value.toLowerCase()}`}>
            {option.label}
            {option.hint ? <span className="usa-checkbox__label-description">{option.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The therapist's profile editor: one form, saved at once (a plain form post without JavaScript). */
export function TherapistProfileForm({
  initial,
  conditions,
  techniques,
}: {
  initial: FormState<TherapistField>;
  conditions: VocabularyTerm[];
  techniques: VocabularyTerm[];
}) {
  const [state, action, pending] = useActionState(saveTherapistProfile, initial);
  const v = state.values;
  const list = (key: TherapistField) => (v[key] ? v[key].split(',') : []);
  return (
    <form className="usa-form usa-form--large maxw-tablet-lg" action={action} noValidate>
      <FormStatus status={state.status} message={state.message} />
      <TextField
        id="profile-displayName"
        name="displayName"
        label="Your name as patients see it"
        autoComplete="name"
        defaultValue={v.displayName}
        error={state.fieldErrors.displayName}
      />
      <TextField
        id="profile-credentialLetters"
        name="credentialLetters"
        label="Credential letters"
        hint="For example LMT, BCTMB"
        required={false}
        defaultValue={v.credentialLetters}
        error={state.fieldErrors.credentialLetters}
      />
      <BioField defaultValue={v.bio ?? ''} error={state.fieldErrors.bio} />
      <TextField
        id="profile-languages"
        name="languages"
        label="Languages you treat in"
        hint="Names or two-letter codes, separated by commas: English, Spanish"
        required={false}
        defaultValue={v.languages}
        error={state.fieldErrors.languages}
      />
      <Checkboxes legend="Practice" name="practiceContexts" options={CONTEXTS} chosen={list('practiceContexts')} />
      <Checkboxes
        legend="Intentions"
        name="treatmentIntentions"
        options={INTENTIONS}
        chosen={list('treatmentIntentions')}
      />
      <fieldset className="usa-fieldset usa-form-group">
        <legend className="usa-legend">Patients and payment</legend>
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            id="profile-accepting"
            type="checkbox"
            name="acceptingNewPatients"
            value="yes"
            defaultChecked={v.acceptingNewPatients === 'yes'}
          />
          <label className="usa-checkbox__label" htmlFor="profile-accepting">
            Accepting new patients
          </label>
        </div>
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            id="profile-insurance"
            type="checkbox"
            name="billsInsurance"
            value="yes"
            defaultChecked={v.billsInsurance === 'yes'}
          />
          <label className="usa-checkbox__label" htmlFor="profile-insurance">
            I bill insurance
          </label>
        </div>
      </fieldset>
      <VocabularyPicker
        name="conditionIds"
        legend="Conditions you treat"
        terms={conditions}
        selected={list('conditionIds')}
        error={state.fieldErrors.conditionIds}
      />
      <VocabularyPicker
        name="techniqueIds"
        legend="Techniques you use"
        terms={techniques}
        selected={list('techniqueIds')}
        error={state.fieldErrors.techniqueIds}
      />
      <SubmitButton pending={pending}>Save profile</SubmitButton>
    </form>
  );
}
