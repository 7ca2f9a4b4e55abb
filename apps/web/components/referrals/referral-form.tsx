'use client';

import { useActionState } from 'react';
import type { FormState } from '../../lib/forms';
import { FormStatus, SelectField, TextAreaField, TextField } from '../forms/fields';

export type ReferralField =
  | { kind: 'text' | 'date' | 'number'; name: string; label: string; hint?: string; defaultValue?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string; optional?: boolean }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string }[]; hint?: string }
  | {
      kind: 'radio' | 'checkbox';
      name: string;
      label: string;
      options: { value: string; label: string }[];
      hint?: string;
      defaultValue?: string;
    };

function Choices({
  field,
  id,
  value,
  error,
}: {
  field: ReferralField & { kind: 'radio' | 'checkbox' };
  id: string;
  value?: string;
  error?: string;
}) {
  const described = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend className="usa-legend">{field.label}</legend>
      {field.hint ? (
        <span className="usa-hint" id={`${id}-hint`}>
          {field.hint}
        </span>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {field.options.map((option) => (
        <div className={`usa-${field.kind}`} key={option.value}>
          <input
            className={`usa-${field.kind}__input`}
            id={`${id}-${option.value}`}
            type={field.kind}
            name={field.name}
            value={option.value}
            defaultChecked={value === option.value}
          />
          <label className={`usa-${field.kind}__label`} htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * One action form of the referral page (accept, decline, record a visit...): declared as plain data by the server
 * page, posted to its server action as a plain form without JavaScript, errors next to their fields.
 */
export function ReferralForm({
  id,
  action,
  hidden,
  fields = [],
  submit,
  secondary,
  reloadHref,
}: {
  id: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  fields?: ReferralField[];
  submit: string;
  secondary?: boolean;
  reloadHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', fieldErrors: {}, values: {} });
  return (
    <form className="usa-form usa-form--large" action={formAction} noValidate id={id}>
      <FormStatus status={state.status} message={state.message} stale={state.stale} reloadHref={reloadHref} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const value = state.values[field.name];
        const error = state.fieldErrors[field.name];
        const common = { id: fieldId, name: field.name, label: field.label, error };
        switch (field.kind) {
          case 'textarea':
            return (
              <TextAreaField
                {...common}
                key={field.name}
                hint={field.hint}
                required={field.optional ? false : undefined}
                defaultValue={value}
                rows={3}
              />
            );
          case 'select':
            return (
              <SelectField
                {...common}
                key={field.name}
                hint={field.hint}
                blank="- Select -"
                options={field.options}
                defaultValue={value}
              />
            );
          case 'radio':
          case 'checkbox':
            return (
              <Choices
                key={field.name}
                field={field}
                id={fieldId}
                value={state.status === 'idle' ? field.defaultValue : value}
                error={error}
              />
            );
          case 'text':
          case 'date':
          case 'number':
            return (
              <TextField
                {...common}
                key={field.name}
                hint={field.hint}
                type={field.kind === 'number' ? 'text' : field.kind}
                inputMode={field.kind === 'number' ? 'numeric' : undefined}
                defaultValue={value ?? field.defaultValue}
              />
            );
        }
      })}
      <button
        className={`usa-button${secondary ? ' usa-button--outline' : ''} margin-top-2`}
        type="submit"
        disabled={pending}
      >
        {submit}
      </button>
    </form>
  );
}
