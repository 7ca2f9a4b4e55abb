'use client';

import { useActionState } from 'react';
import { type ReportState, reportProblem } from './actions';

const INITIAL: ReportState = {
  status: 'idle',
  fieldErrors: {},
  values: { category: '', details: '', contactEmail: '' },
};

const CATEGORY_LABELS: Record<string, string> = {
  WRONG_ADDRESS: 'The address is wrong',
  WRONG_PHONE: 'The phone number is wrong',
  NOT_ACCEPTING_PATIENTS: 'They are not accepting new patients',
  NO_LONGER_PRACTISING: 'They no longer practise',
  CREDENTIALS: 'A license or certification is wrong',
  OTHER: 'Something else',
};

/** Works as a plain POST without JavaScript (the page re-renders with this state); errors are tied to fields. */
export function ReportForm({ therapistId }: { therapistId: string }) {
  const [state, action, pending] = useActionState(reportProblem, INITIAL);
  const error = (field: keyof ReportState['fieldErrors']) => state.fieldErrors[field];
  const describedBy = (field: keyof ReportState['fieldErrors'], hint?: string) =>
    [hint, error(field) ? `report-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <form className="usa-form maxw-tablet" action={action} noValidate aria-describedby="report-status">
      <div id="report-status" role={state.status === 'error' ? 'alert' : 'status'}>
        {state.status === 'sent' ? (
          <div className="usa-alert usa-alert--success usa-alert--slim">
            <div className="usa-alert__body">
              <p className="usa-alert__text">Thank you: your report was sent to our staff.</p>
            </div>
          </div>
        ) : null}
        {state.status === 'error' && state.message ? (
          <div className="usa-alert usa-alert--error usa-alert--slim">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{state.message}</p>
            </div>
          </div>
        ) : null}
      </div>
      <input type="hidden" name="therapistId" value={therapistId} />
      <div className={`usa-form-group${error('category') ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="report-category">
          What is wrong?
        </label>
        {error('category') ? (
          <span className="usa-error-message" id="report-category-error">
            {error('category')}
          </span>
        ) : null}
        <select
          className="usa-select"
          id="report-category"
          name="category"
          defaultValue={state.values.category}
          key={`category-${state.values.category}`}
          aria-invalid={error('category') ? true : undefined}
          aria-describedby={describedBy('category')}
        >
          <option value="">- Select -</option>
          {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className={`usa-form-group${error('details') ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="report-details">
          Details
        </label>
        <span className="usa-hint" id="report-details-hint">
          Up to 2000 characters. Please do not include health information.
        </span>
        {error('details') ? (
          <span className="usa-error-message" id="report-details-error">
            {error('details')}
          </span>
        ) : null}
        <textarea
          className="usa-textarea"
          id="report-details"
          name="details"
          maxLength={2000}
          defaultValue={state.values.details}
          key={`details-${state.status}-${state.values.details.length}`}
          aria-invalid={error('details') ? true : undefined}
          aria-describedby={describedBy('details', 'report-details-hint')}
        />
      </div>
      <div className={`usa-form-group${error('contactEmail') ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="report-email">
          Your email address (optional, if you would like a reply)
        </label>
        {error('contactEmail') ? (
          <span className="usa-error-message" id="report-contactEmail-error">
            {error('contactEmail')}
          </span>
        ) : null}
        <input
          className="usa-input"
          id="report-email"
          name="contactEmail"
          type="email"
          autoComplete="email"
          defaultValue={state.values.contactEmail}
          key={`email-${state.status}-${state.values.contactEmail}`}
          aria-invalid={error('contactEmail') ? true : undefined}
          aria-describedby={describedBy('contactEmail')}
        />
      </div>
      <button className="usa-button usa-button--outline" type="submit" disabled={pending}>
        Send report
      </button>
    </form>
  );
}
