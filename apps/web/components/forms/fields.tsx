import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ id, label, hint, error, required, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
        {required === false ? <span className="text-base"> (optional)</span> : null}
      </label>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

/** A USWDS text input with its label, hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField(
  props: FieldProps & { type?: string; autoComplete?: string; inputMode?: 'numeric' | 'text'; className?: string },
) {
  const { id, name, error, hint, defaultValue, type = 'text', autoComplete, inputMode, className } = props;
  return (
    <FieldFrame {...props}>
      <input
        className={`usa-input${error ? ' usa-input--error' : ''}${className ? ` ${className}` : ''}`}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={defaultValue}
        key={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { maxLength?: number; rows?: number }) {
  const { id, name, error, hint, defaultValue, maxLength, rows } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        className={`usa-textarea${error ? ' usa-input--error' : ''}`}
        id={id}
        name={name}
        maxLength={maxLength}
        rows={rows}
        defaultValue={defaultValue}
        key={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; blank?: string }) {
  const { id, name, error, hint, defaultValue, options, blank } = props;
  return (
    <FieldFrame {...props}>
      <select
        className={`usa-select${error ? ' usa-input--error' : ''}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        key={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A banner: errors are announced (role=alert), the rest politely. A stale-state banner offers a reload link. */
export function Banner({
  kind,
  heading,
  children,
  reloadHref,
}: {
  kind: 'error' | 'warning' | 'success' | 'info';
  heading?: string;
  children: ReactNode;
  reloadHref?: string;
}) {
  return (
    <div className={`usa-alert usa-alert--${kind}${heading ? '' : ' usa-alert--slim'} margin-bottom-2`}>
      <div className="usa-alert__body">
        {heading ? <h2 className="usa-alert__heading">{heading}</h2> : null}
        <p className="usa-alert__text">
          {children}
          {reloadHref ? (
            <>
              {' '}
              <a className="usa-link" href={reloadHref}>
                Reload the page
              </a>
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}

/** The live region above a form: its banner for the last answer of the server action. */
export function FormStatus({
  message,
  status,
  stale,
  reloadHref,
  success,
}: {
  message?: string;
  status: string;
  stale?: boolean;
  reloadHref?: string;
  success?: string;
}) {
  return (
    <div role={status === 'error' ? 'alert' : 'status'} className="form-status">
      {status === 'error' && message ? (
        <Banner kind="error" reloadHref={stale ? reloadHref : undefined}>
          {message}
        </Banner>
      ) : null}
      {status === 'done' && success ? <Banner kind="success">{success}</Banner> : null}
    </div>
  );
}

export function SubmitButton({
  children,
  pending,
  secondary,
}: {
  children: ReactNode;
  pending?: boolean;
  secondary?: boolean;
}) {
  return (
    <button
      className={`usa-button${secondary ? ' usa-button--outline' : ''}`}
      type="submit"
      disabled={pending}
      aria-disabled={pending || undefined}
    >
      {children}
    </button>
  );
}
