import { ApiError } from './api';

/** What a form's server action answers; the form re-renders with it (with or without JavaScript). */
export interface FormState<Field extends string = string> {
  status: 'idle' | 'error' | 'done';
  /** A banner above the form. */
  message?: string;
  /** INVALID_STATE / CONFLICT: the referral changed meanwhile; the banner offers a reload. */
  stale?: boolean;
  fieldErrors: Partial<Record<Field, string>>;
  values: Partial<Record<Field, string>>;
}

export function idleState<Field extends string>(values: Partial<Record<Field, string>> = {}): FormState<Field> {
  return { status: 'idle', fieldErrors: {}, values };
}

export function text(form: FormData, name: string, max = 5000): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** "in 15 minutes" / "in about an hour" / "in 2 hours" for a RATE_LIMITED answer. */
export function retryWording(seconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 900) / 60));
  if (minutes < 55) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return hours <= 1 ? 'in about an hour' : `in about ${hours} hours`;
}

export const CORRECT_FIELDS = 'Please correct the fields marked below.';

/**
 * Where an API error belongs on a form: BAD_USER_INPUT problems next to their fields (`fieldOf` maps an input
 * path such as "input.patient.fullName" to a form field, or null for the banner), RATE_LIMITED with its retry
 * time, INVALID_STATE and CONFLICT as a banner that offers a reload, FORBIDDEN with the API's reason. Anything
 * else is not the visitor's to fix: a plain apology. Errors that are not ApiErrors (redirects) are rethrown.
 */
export function errorState<Field extends string>(
  error: unknown,
  values: Partial<Record<Field, string>>,
  fieldOf: (path: string) => Field | null,
  wording: { rateLimited?: string } = {},
): FormState<Field> {
  if (!(error instanceof ApiError)) throw error;
  const state: FormState<Field> = { status: 'error', fieldErrors: {}, values };
  switch (error.code) {
    case 'BAD_USER_INPUT': {
      const loose: string[] = [];
      for (const problem of error.problems) {
        const field = fieldOf(problem.path.replace(/^input\./, ''));
        if (field && !state.fieldErrors[field]) state.fieldErrors[field] = capitalise(problem.message);
        else if (!field) loose.push(problem.message);
      }
      if (error.problems.length === 0) loose.push(error.message);
      state.message = loose.length ? `${CORRECT_FIELDS} ${loose.map(capitalise).join('. ')}.` : CORRECT_FIELDS;
      return state;
    }
    case 'RATE_LIMITED':
      state.message = `${wording.rateLimited ?? 'Too many attempts.'} Please try again ${retryWording(error.retryAfterSeconds)}.`;
      return state;
    case 'INVALID_STATE':
    case 'CONFLICT':
      state.message = `${error.message} Reload the page to see where things stand now.`;
      state.stale = true;
      return state;
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      state.message = error.message;
      return state;
    case 'NOT_FOUND':
      state.message = 'This record does not exist or is not yours to change.';
      return state;
    default:
      state.message = 'Something went wrong on our side; nothing was changed. Please try again in a moment.';
      return state;
  }
}

function capitalise(message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
