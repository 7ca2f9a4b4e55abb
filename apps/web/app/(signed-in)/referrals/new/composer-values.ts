import type { CreateReferralInput } from '@mmn/api-client';
import { addDays, todayIso } from '../../../../lib/referral-wording';

/** Every field of the composer, as the form posts it (strings; lists one item per line or comma). */
export const COMPOSER_FIELDS = [
  'idempotencyKey',
  'patientName',
  'patientDob',
  'patientEmail',
  'patientPhone',
  'patientCity',
  'diagnosisCodes',
  'bodyRegions',
  'visitsPerWeek',
  'durationWeeks',
  'visitsAuthorized',
  'sessionMinutes',
  'goals',
  'precautions',
  'contraindications',
  'techniqueIds',
  'notes',
  'writtenOn',
  'expiresOn',
  'therapistId',
  'therapistName',
  'networkId',
] as const;

export type ComposerField = (typeof COMPOSER_FIELDS)[number];
export type ComposerValues = Record<ComposerField, string>;

export function initialValues(idempotencyKey: string, therapist?: { id: string; name: string }): ComposerValues {
  const today = todayIso();
  const values = Object.fromEntries(COMPOSER_FIELDS.map((field) => [field, ''])) as ComposerValues;
  return {
    ...values,
    idempotencyKey,
    visitsPerWeek: '2',
    durationWeeks: '4',
    visitsAuthorized: '8',
    sessionMinutes: '60',
    writtenOn: today,
    expiresOn: addDays(today, 90),
    therapistId: therapist?.id ?? '',
    therapistName: therapist?.name ?? '',
  };
}

export function readValues(form: FormData): ComposerValues {
  const values = {} as ComposerValues;
  for (const field of COMPOSER_FIELDS) {
    if (field === 'techniqueIds') {
      values[field] = form
        .getAll(field)
        .filter((v): v is string => typeof v === 'string')
        .flatMap((v) => v.split(','))
        .filter(Boolean)
        .slice(0, 50)
        .join(',');
      continue;
    }
    const value = form.get(field);
    values[field] = typeof value === 'string' ? value.slice(0, 4000) : '';
  }
  // A therapist picked among the search results: "id|name".
  const picked = form.get('pickTherapist');
  if (typeof picked === 'string' && picked !== '') {
    const [id, ...name] = picked.split('|');
    values.therapistId = id === 'open' ? '' : id;
    values.therapistName = id === 'open' ? '' : name.join('|');
  }
  return values;
}

/** Lines or commas to a list: "neck, left shoulder" or one per line. */
export function listOf(value: string, separator: RegExp = /[\n,;]+/): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function codesOf(value: string): string[] {
  return [...new Set(listOf(value, /[\s,;]+/).map((code) => code.toUpperCase()))];
}

const RANGES: Partial<Record<ComposerField, [number, number, string]>> = {
  visitsPerWeek: [1, 7, 'visits per week'],
  durationWeeks: [1, 52, 'weeks'],
  visitsAuthorized: [1, 104, 'visits'],
  sessionMinutes: [15, 120, 'minutes'],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the composer checks itself before the review step (the API checks everything again on send). */
export function checkValues(values: ComposerValues): Partial<Record<ComposerField, string>> {
  const errors: Partial<Record<ComposerField, string>> = {};
  if (!values.patientName.trim()) errors.patientName = "Enter the patient's full name.";
  if (!DATE.test(values.patientDob)) errors.patientDob = 'Enter the date of birth (year, month, day).';
  else if (values.patientDob >= todayIso()) errors.patientDob = 'The date of birth must be in the past.';
  if (codesOf(values.diagnosisCodes).length === 0)
    errors.diagnosisCodes = 'Enter at least one ICD-10-CM code, for example M54.50.';
  if (listOf(values.bodyRegions).length === 0) errors.bodyRegions = 'Enter at least one body region.';
  for (const [field, [min, max, unit]] of Object.entries(RANGES) as [ComposerField, [number, number, string]][]) {
    const n = Number(values[field]);
    if (!/^\d+$/.test(values[field].trim()) || n < min || n > max)
      errors[field] = `Enter a whole number of ${unit} from ${min} to ${max}.`;
  }
  if (listOf(values.goals, /\n+/).length === 0) errors.goals = 'Enter at least one functional goal.';
  if (!DATE.test(values.writtenOn)) errors.writtenOn = 'Enter the date the prescription is written.';
  if (!DATE.test(values.expiresOn)) errors.expiresOn = 'Enter the expiry date.';
  else if (DATE.test(values.writtenOn) && values.expiresOn <= values.writtenOn)
    errors.expiresOn = 'The expiry date must be after the written date.';
  else if (DATE.test(values.writtenOn) && values.expiresOn > addDays(values.writtenOn, 366))
    errors.expiresOn = 'The expiry date must be at most one year after the written date.';
  return errors;
}

export function toInput(values: ComposerValues): CreateReferralInput {
  const lines = (value: string) => listOf(value, /\n+/);
  return {
    idempotencyKey: values.idempotencyKey,
    therapistId: values.therapistId || null,
    patient: {
      fullName: values.patientName.trim(),
      dateOfBirth: values.patientDob,
      email: values.patientEmail.trim() || null,
      phone: values.patientPhone.trim() || null,
    },
    prescription: {
      diagnosisCodes: codesOf(values.diagnosisCodes),
      bodyRegions: listOf(values.bodyRegions),
      visitsPerWeek: Number(values.visitsPerWeek),
      durationWeeks: Number(values.durationWeeks),
      visitsAuthorized: Number(values.visitsAuthorized),
      sessionMinutes: Number(values.sessionMinutes),
      goals: lines(values.goals),
      precautions: lines(values.precautions),
      contraindications: lines(values.contraindications),
      requestedTechniqueIds: listOf(values.techniqueIds),
      notes: values.notes.trim() || null,
      writtenOn: values.writtenOn,
      expiresOn: values.expiresOn,
    },
  };
}

/** An API input path ("patient.fullName", "prescription.diagnosisCodes.1") to its composer field. */
export function composerFieldOf(path: string): ComposerField | null {
  const [head, name] = path.split('.');
  if (head === 'patient') {
    const map: Record<string, ComposerField> = {
      fullName: 'patientName',
      dateOfBirth: 'patientDob',
      email: 'patientEmail',
      phone: 'patientPhone',
    };
    return map[name] ?? null;
  }
  if (head === 'prescription') {
    if (name === 'requestedTechniqueIds') return 'techniqueIds';
    return (COMPOSER_FIELDS as readonly string[]).includes(name) ? (name as ComposerField) : null;
  }
  if (head === 'therapistId') return 'therapistId';
  return null;
}
