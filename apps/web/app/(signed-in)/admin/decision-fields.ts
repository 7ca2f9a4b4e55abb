import type { FieldSpec } from '../../../components/forms/action-form';

/** The fields of a verify-or-reject decision: the source checked (prefilled with the usual one) and a note. */
export function decisionFields(source: string): FieldSpec[] {
  return [
    { name: 'source', label: 'Source checked', hint: 'The primary source you looked at', defaultValue: source },
    { name: 'note', label: 'Note', hint: 'Required when rejecting: what is wrong', type: 'textarea', optional: true },
  ];
}

export const DECISION_BUTTONS = [
  { label: 'Verify', name: 'status', value: 'VERIFIED' },
  { label: 'Reject', name: 'status', value: 'REJECTED', secondary: true },
];
