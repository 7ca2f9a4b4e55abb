// Plain-language wording of facts on the results and profile pages (unit-tested in wording.spec.ts).

const KM_PER_MILE = 1.609344;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export const US_STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
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
  PR: 'Puerto Rico',
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
};

export function milesToKm(miles: number): number {
  return miles * KM_PER_MILE;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "0.4 miles away", "12 miles away"; null when there is no distance (no place was given). */
export function distanceText(km: number | null | undefined): string | null {
  if (km === null || km === undefined || !Number.isFinite(km)) return null;
  const miles = km / KM_PER_MILE;
  if (miles < 0.1) return 'less than 0.1 miles away';
  const rounded = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  return `${rounded} ${rounded === 1 ? 'mile' : 'miles'} away`;
}

export interface ReputationFacts {
  referringProviders: number;
  /** Of those, the ones practising within 50 km of `localArea` (the hit's nearest location, or the best one). */
  localReferringProviders: number;
  localArea: string | null;
  completedReferrals: number;
  endorsements: number;
}

/** "Referred by 4 Miami-area providers (6 in all)": reputation with local doctors first. */
function referrersText({ referringProviders: all, localReferringProviders: local, localArea }: ReputationFacts) {
  if (all === 0) return null;
  if (localArea === null) return `Referred by ${plural(all, 'provider')}`;
  if (local === 0) return `Referred by ${plural(all, 'provider')}, none in the ${localArea} area`;
  const near = `Referred by ${plural(local, `${localArea}-area provider`)}`;
  return all > local ? `${near} (${all} in all)` : near;
}

/** "Referred by 4 Miami-area providers · 12 completed referrals · 2 endorsements". */
export function reputationText(reputation: ReputationFacts): string {
  const parts: string[] = [];
  const referrers = referrersText(reputation);
  if (referrers) parts.push(referrers);
  if (reputation.completedReferrals > 0) parts.push(plural(reputation.completedReferrals, 'completed referral'));
  if (reputation.endorsements > 0) parts.push(plural(reputation.endorsements, 'endorsement'));
  return parts.length > 0 ? parts.join(' · ') : 'No referrals through the network yet';
}

export function stateName(code: string): string {
  return US_STATE_NAMES[code.toUpperCase()] ?? code.toUpperCase();
}

/** "2026-11-02" from an ISO date-time. */
export function isoDay(dateTime: string | null | undefined): string | null {
  return dateTime ? dateTime.slice(0, 10) : null;
}

export interface LicenseFacts {
  state: string;
  verification: { status: string; source?: string | null; verifiedAt?: string | null };
}

/**
 * "Florida license verified against the Florida Board of Massage Therapy on 2026-11-02": what was checked, where
 * and when. Null when the license is not verified.
 */
export function verificationText(license: LicenseFacts): string | null {
  if (license.verification.status !== 'VERIFIED') return null;
  const source = license.verification.source
    ?.trim()
    .replace(/\s+(online\s+)?(look-?up|search|verification)$/i, '')
    .trim();
  const day = isoDay(license.verification.verifiedAt);
  const against = source ? ` against ${/^the\s/i.test(source) ? '' : 'the '}${source}` : ' by our staff';
  return `${stateName(license.state)} license verified${against}${day ? ` on ${day}` : ''}`;
}

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function listText(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Medical massage · Bills insurance". */
export function practiceText(contexts: readonly string[], billsInsurance: boolean): string {
  const parts: string[] = [];
  if (contexts.includes('MEDICAL')) parts.push('Medical massage');
  if (contexts.includes('WELLNESS')) parts.push('Wellness massage');
  if (billsInsurance) parts.push('Bills insurance');
  return parts.join(' · ');
}

/** "olivia-rodriguez" for URLs. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'therapist'
  );
}
