/** Prescriber taxonomy codes of the NUCC Health Care Provider Taxonomy, by name (the ones that refer to massage). */
export const PRESCRIBER_TAXONOMIES: readonly { code: string; name: string }[] = [
  { code: '207Q00000X', name: 'Family Medicine' },
  { code: '207QS0010X', name: 'Family Medicine, Sports Medicine' },
  { code: '207QG0300X', name: 'Family Medicine, Geriatric Medicine' },
  { code: '208D00000X', name: 'General Practice' },
  { code: '207R00000X', name: 'Internal Medicine' },
  { code: '207RC0000X', name: 'Internal Medicine, Cardiovascular Disease' },
  { code: '207RG0300X', name: 'Internal Medicine, Geriatric Medicine' },
  { code: '207RH0003X', name: 'Internal Medicine, Hematology & Oncology' },
  { code: '207RX0202X', name: 'Internal Medicine, Medical Oncology' },
  { code: '207RP1001X', name: 'Internal Medicine, Pulmonary Disease' },
  { code: '207RR0500X', name: 'Internal Medicine, Rheumatology' },
  { code: '207RS0010X', name: 'Internal Medicine, Sports Medicine' },
  { code: '207K00000X', name: 'Allergy & Immunology' },
  { code: '207L00000X', name: 'Anesthesiology' },
  { code: '207LP2900X', name: 'Anesthesiology, Pain Medicine' },
  { code: '207N00000X', name: 'Dermatology' },
  { code: '207P00000X', name: 'Emergency Medicine' },
  { code: '207V00000X', name: 'Obstetrics & Gynecology' },
  { code: '207X00000X', name: 'Orthopaedic Surgery' },
  { code: '208000000X', name: 'Pediatrics' },
  { code: '208100000X', name: 'Physical Medicine & Rehabilitation' },
  { code: '2081P2900X', name: 'Physical Medicine & Rehabilitation, Pain Medicine' },
  { code: '2084N0400X', name: 'Psychiatry & Neurology, Neurology' },
  { code: '208600000X', name: 'Surgery' },
  { code: '207T00000X', name: 'Neurological Surgery' },
  { code: '363L00000X', name: 'Nurse Practitioner' },
  { code: '363LA2200X', name: 'Nurse Practitioner, Adult Health' },
  { code: '363LF0000X', name: 'Nurse Practitioner, Family' },
  { code: '363A00000X', name: 'Physician Assistant' },
  { code: '363AM0700X', name: 'Physician Assistant, Medical' },
  { code: '363AS0400X', name: 'Physician Assistant, Surgical' },
  { code: '111N00000X', name: 'Chiropractor' },
  { code: '213E00000X', name: 'Podiatrist' },
  { code: '225100000X', name: 'Physical Therapist' },
];

export function taxonomyName(code: string | null | undefined): string | null {
  if (!code) return null;
  return PRESCRIBER_TAXONOMIES.find((t) => t.code === code)?.name ?? null;
}
