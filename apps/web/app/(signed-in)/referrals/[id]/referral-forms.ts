// Shared by the referral page's forms and their server actions.

export const DECLINE_REASONS = [
  { value: 'NOT_ACCEPTING', label: 'Not accepting new patients now' },
  { value: 'OUT_OF_SCOPE', label: 'Outside my scope of practice or training' },
  { value: 'TOO_FAR', label: 'Too far from my practice' },
  { value: 'NO_AVAILABILITY', label: 'No availability at the requested frequency' },
  { value: 'INSURANCE', label: 'I cannot bill this patient’s insurance' },
  { value: 'OTHER', label: 'Another reason' },
] as const;

/**
 * A reason chosen from a list, with optional words of its own ("Another reason" needs them): the text sent to the
 * API ("Too far from my practice: north of the county"), or the errors for `reasonCode` / `reasonText`.
 */
export function chosenReason(
  options: readonly { value: string; label: string }[],
  values: { reasonCode: string; reasonText: string },
  missing: string,
): { reason: string; errors: Record<string, string> } {
  const chosen = options.find((r) => r.value === values.reasonCode);
  if (!chosen) return { reason: '', errors: { reasonCode: missing } };
  if (chosen.value === 'OTHER' && !values.reasonText)
    return { reason: '', errors: { reasonText: 'Say why in a few words.' } };
  return { reason: `${chosen.label}${values.reasonText ? `: ${values.reasonText}` : ''}`, errors: {} };
}

const SOAP = [
  ['subjective', 'S'],
  ['objective', 'O'],
  ['assessment', 'A'],
  ['plan', 'P'],
] as const;

/** The four SOAP fields as one note ("S: ...\nO: ...") or null when all are empty. */
export function soapNoteOf(values: Record<string, string>): string | null {
  const parts = SOAP.filter(([field]) => values[field]?.trim()).map(
    ([field, letter]) => `${letter}: ${values[field].trim()}`,
  );
  return parts.length ? parts.join('\n') : null;
}

/** A stored note back into its four parts, for display. */
export function soapPartsOf(note: string | null | undefined): { label: string; text: string }[] {
  if (!note) return [];
  const labels: Record<string, string> = { S: 'Subjective', O: 'Objective', A: 'Assessment', P: 'Plan' };
  return note
    .split('\n')
    .map((line) => /^([SOAP]): (.*)$/.exec(line))
    .map((match, i) =>
      match ? { label: labels[match[1]], text: match[2] } : { label: 'Note', text: note.split('\n')[i] },
    );
}

export const TRANSFER_REASONS = [
  { value: 'PATIENT_MOVING', label: 'The patient is moving' },
  { value: 'THERAPIST_MOVING', label: 'The therapist is moving or closing the practice' },
  { value: 'OTHER', label: 'Another reason' },
] as const;
