'use client';

import { useActionState } from 'react';
import { type FormState, idleState } from '../../lib/forms';
import { FormStatus, SelectField, SubmitButton, TextAreaField, TextField } from './fields';

/** One field of an ActionForm; its error comes from the action's answer under the same name. */
export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'email' | 'textarea' | 'select';
  hint?: string;
  optional?: boolean;
  defaultValue?: string;
  options?: { value: string; label: string }[];
  blank?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
}

export type FormAction = (previous: FormState, form: FormData) => Promise<FormState>;

/**
 * A small form posted to a server action (a plain form post without JavaScript): fields with their errors, a
 * banner for the rest, hidden values, and one or more submit buttons (their name/value is part of the post).
 */
export function ActionForm({
  id,
  action,
  fields = [],
  hidden = {},
  buttons,
  reloadHref,
  success,
  className,
}: {
  id: string;
  action: FormAction;
  fields?: FieldSpec[];
  hidden?: Record<string, string>;
  buttons: { label: string; name?: string; value?: string; secondary?: boolean }[];
  reloadHref?: string;
  success?: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, idleState());
  return (
    <form className={className ?? 'usa-form'} action={formAction} noValidate>
      <FormStatus
        status={state.status}
        message={state.message}
        stale={state.stale}
        reloadHref={reloadHref}
        success={success}
      />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const common = {
          id: `${id}-${field.name}`,
          name: field.name,
          label: field.label,
          hint: field.hint,
          error: state.fieldErrors[field.name],
          defaultValue: state.values[field.name] ?? field.defaultValue,
          required: field.optional ? false : undefined,
        };
        if (field.type === 'textarea')
          return <TextAreaField key={field.name} {...common} maxLength={field.maxLength} />;
        if (field.type === 'select')
          return <SelectField key={field.name} {...common} options={field.options ?? []} blank={field.blank} />;
        return (
          <TextField
            key={field.name}
            {...common}
            type={field.type ?? 'text'}
            inputMode={field.inputMode}
            autoComplete={field.autoComplete}
          />
        );
      })}
      <div className="margin-top-2">
        {buttons.map((button) =>
          button.name ? (
            <button
              key={button.label}
              className={`usa-button${button.secondary ? ' usa-button--secondary' : ''}`}
              type="submit"
              name={button.name}
              value={button.value}
              disabled={pending}
            >
              {button.label}
            </button>
          ) : (
            <SubmitButton key={button.label} pending={pending} secondary={button.secondary}>
              {button.label}
            </SubmitButton>
          ),
        )}
      </div>
    </form>
  );
}
