import { SelectField, TextAreaField, TextField } from '../../../../components/forms/fields';
import type { ComposerState } from './actions';
import type { ComposerField } from './composer-values';
import { DiagnosisLookup } from './diagnosis-lookup';

export interface Vocabulary {
  techniques: { id: string; name: string }[];
  networks: { id: string; name: string }[];
}

/** The edit step: patient, prescription and addressee, each error next to its field. */
export function ComposerFields({ state, vocabulary }: { state: ComposerState; vocabulary: Vocabulary }) {
  const v = (field: ComposerField) => state.values[field] ?? '';
  const e = (field: ComposerField) => state.fieldErrors[field];
  const field = (name: ComposerField, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`composer-${name}`} name={name} label={label} defaultValue={v(name)} error={e(name)} {...extra} />
  );
  const area = (name: ComposerField, label: string, hint?: string, required = true) => (
    <TextAreaField
      id={`composer-${name}`}
      name={name}
      label={label}
      hint={hint}
      defaultValue={v(name)}
      error={e(name)}
      required={required ? undefined : false}
      rows={3}
    />
  );
  const chosen = new Set(v('techniqueIds').split(',').filter(Boolean));
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={v('idempotencyKey')} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">Patient</legend>
        {field('patientName', 'Full name', { autoComplete: 'off' })}
        {field('patientDob', 'Date of birth', { type: 'date', hint: 'The patient confirms it when claiming.' })}
        {field('patientEmail', 'Email', { type: 'email', required: false, autoComplete: 'off' })}
        {field('patientPhone', 'Phone', { type: 'tel', required: false, autoComplete: 'off' })}
        {field('patientCity', 'City or ZIP code', {
          required: false,
          hint: 'Used to find therapists near the patient; not stored with the referral.',
        })}
      </fieldset>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">Prescription</legend>
        {field('diagnosisCodes', 'Diagnosis codes (ICD-10-CM)', {
          hint: 'One or more codes, separated by commas, for example M54.50, G56.01.',
          autoComplete: 'off',
        })}
        <DiagnosisLookup codesInputId="composer-diagnosisCodes" />
        {field('bodyRegions', 'Body regions', { hint: 'Separated by commas, for example neck, left shoulder.' })}
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-3">{field('visitsPerWeek', 'Visits per week', { inputMode: 'numeric' })}</div>
          <div className="tablet:grid-col-3">{field('durationWeeks', 'Weeks', { inputMode: 'numeric' })}</div>
          <div className="tablet:grid-col-3">
            {field('visitsAuthorized', 'Visits authorized', { inputMode: 'numeric' })}
          </div>
          <div className="tablet:grid-col-3">
            {field('sessionMinutes', 'Session minutes', { inputMode: 'numeric' })}
          </div>
        </div>
        {area('goals', 'Functional goals', 'One per line, for example “Turn the head fully to drive”.')}
        {area('precautions', 'Precautions', 'One per line.', false)}
        {area('contraindications', 'Contraindications', 'One per line.', false)}
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">Techniques requested (optional)</legend>
          <div className="composer-techniques">
            {vocabulary.techniques.map((t) => (
              <div className="usa-checkbox" key={t.id}>
                <input
                  className="usa-checkbox__input"
                  id={`composer-technique-${t.id}`}
                  type="checkbox"
                  name="techniqueIds"
                  value={t.id}
                  defaultChecked={chosen.has(t.id)}
                />
                <label className="usa-checkbox__label" htmlFor={`composer-technique-${t.id}`}>
                  {t.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {area('notes', 'Notes for the therapist', undefined, false)}
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-6">{field('writtenOn', 'Written on', { type: 'date' })}</div>
          <div className="tablet:grid-col-6">
            {field('expiresOn', 'Expires on', { type: 'date', hint: 'At most one year after it is written.' })}
          </div>
        </div>
      </fieldset>
      <TherapistPicker state={state} vocabulary={vocabulary} />
    </>
  );
}

/** Address it to a therapist found near the patient (verified, accepting), or leave it open for the patient. */
function TherapistPicker({ state, vocabulary }: { state: ComposerState; vocabulary: Vocabulary }) {
  const currentId = state.values.therapistId ?? '';
  const currentName = state.values.therapistName ?? '';
  const options = [
    ...(currentId ? [{ id: currentId, name: currentName, where: 'chosen before' }] : []),
    ...(state.therapists ?? []).filter((t) => t.id !== currentId),
  ];
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend usa-legend--large">Therapist</legend>
      <input type="hidden" name="therapistId" value={currentId} />
      <input type="hidden" name="therapistName" value={currentName} />
      <p className="usa-hint">
        Find a verified therapist accepting new patients near the patient&apos;s city (above), or leave the referral
        open: the patient chooses with the code.
      </p>
      <SelectField
        id="composer-networkId"
        name="networkId"
        label="In network (optional)"
        blank="Any network"
        options={vocabulary.networks.map((n) => ({ value: n.id, label: n.name }))}
        defaultValue={state.values.networkId ?? ''}
      />
      <button className="usa-button usa-button--outline margin-top-2" type="submit" name="intent" value="find">
        Find therapists
      </button>
      <div role="status" className="margin-top-2">
        {state.therapistMessage ? <p>{state.therapistMessage}</p> : null}
      </div>
      <fieldset
        className="usa-fieldset"
        aria-describedby={state.fieldErrors.therapistId ? 'composer-therapist-error' : undefined}
      >
        <legend className="usa-legend">Send it to</legend>
        {state.fieldErrors.therapistId ? (
          <span className="usa-error-message" id="composer-therapist-error">
            {state.fieldErrors.therapistId}
          </span>
        ) : null}
        {options.map((t) => (
          <div className="usa-radio" key={t.id}>
            <input
              className="usa-radio__input"
              id={`composer-pick-${t.id}`}
              type="radio"
              name="pickTherapist"
              value={`${t.id}|${t.name}`}
              defaultChecked={t.id === currentId}
            />
            <label className="usa-radio__label" htmlFor={`composer-pick-${t.id}`}>
              {t.name}
              {t.where ? <span className="usa-checkbox__label-description">{t.where}</span> : null}
            </label>
          </div>
        ))}
        <div className="usa-radio">
          <input
            className="usa-radio__input"
            id="composer-pick-open"
            type="radio"
            name="pickTherapist"
            value="open|"
            defaultChecked={!currentId}
          />
          <label className="usa-radio__label" htmlFor="composer-pick-open">
            Leave it open for the patient to choose
          </label>
        </div>
      </fieldset>
    </fieldset>
  );
}
