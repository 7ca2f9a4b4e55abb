/** Two-letter USPS codes of the 50 states, DC and the inhabited territories, with their names. */
export const US_STATES: Readonly<Record<string, string>> = Object.freeze({
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'District of Columbia',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
  GU: 'Guam',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
});

export const US_STATE_CODES: readonly string[] = Object.freeze(Object.keys(US_STATES));

function simplifyName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const CODES_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...US_STATE_CODES.map((code): [string, string] => [simplifyName(US_STATES[code]), code]),
  // The official name carries "U.S."; people usually write it without.
  ['virgin islands', 'VI'],
]);

/** True for a known two-letter code, case-insensitive and ignoring surrounding whitespace. */
export function isUsStateCode(code: string): boolean {
  return Object.hasOwn(US_STATES, code.trim().toUpperCase());
}

/** Full name for a two-letter code (case-insensitive), or null when unknown. */
export function stateName(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return Object.hasOwn(US_STATES, upper) ? US_STATES[upper] : null;
}

/** Two-letter code for either a code ("fl") or a full name ("Florida"), or null when neither. */
export function toStateCode(input: string): string | null {
  if (isUsStateCode(input)) return input.trim().toUpperCase();
  return CODES_BY_NAME.get(simplifyName(input)) ?? null;
}

/** Every spelling toStateCode accepts, lower-case with single spaces, mapped to its code. */
export function stateSpellings(): ReadonlyMap<string, string> {
  const spellings = new Map(CODES_BY_NAME);
  for (const code of US_STATE_CODES) spellings.set(code.toLowerCase(), code);
  return spellings;
}
