import type { FieldSpec } from '../../../../components/forms/action-form';
import { text } from '../../../../lib/forms';
import { US_STATE_NAMES } from '../../../../lib/wording';

export const LOCATION_FIELDS = ['label', 'addressLine', 'city', 'state', 'postalCode'] as const;
export type LocationField = (typeof LOCATION_FIELDS)[number];

export function locationFieldOf(path: string): LocationField | null {
  return LOCATION_FIELDS.find((field) => field === path) ?? null;
}

/** A location from the form, with what is missing before the API is asked. */
export function readLocation(form: FormData) {
  const values = {
    label: text(form, 'label', 120).trim(),
    addressLine: text(form, 'addressLine', 200).trim(),
    city: text(form, 'city', 120).trim(),
    state: text(form, 'state', 2).trim().toUpperCase(),
    postalCode: text(form, 'postalCode', 10).trim(),
  };
  const fieldErrors: Partial<Record<LocationField, string>> = {};
  if (!values.addressLine) fieldErrors.addressLine = 'Enter the street address.';
  if (!values.city) fieldErrors.city = 'Enter the city.';
  if (!values.state) fieldErrors.state = 'Choose the state.';
  if (!/^\d{5}$/.test(values.postalCode)) fieldErrors.postalCode = 'Enter the 5-digit ZIP code.';
  return { values, fieldErrors };
}

const STATE_OPTIONS = Object.entries(US_STATE_NAMES)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

export const LOCATION_FORM_FIELDS: FieldSpec[] = [
  { name: 'label', label: 'Name of the place', hint: 'For example Brickell clinic', optional: true },
  { name: 'addressLine', label: 'Street address', autoComplete: 'address-line1' },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'state', label: 'State', type: 'select', blank: 'Choose a state', options: STATE_OPTIONS },
  {
    name: 'postalCode',
    label: 'ZIP code',
    hint: 'The location is placed on the map from its ZIP code; it must be in the state chosen.',
    inputMode: 'numeric',
    autoComplete: 'postal-code',
  },
];
