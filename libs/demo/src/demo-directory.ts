import { Gazetteer, type ZipPlace } from '@mmn/reference-data';
import { withNpiCheckDigit } from '@mmn/shared';

/** Deterministic pseudo-random numbers (mulberry32), so a seed value always yields the same directory. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Downtown ZIP codes of the metro areas the demo covers. */
export const DEMO_METROS = [
  '33130',
  '45202',
  '10001',
  '90012',
  '60601',
  '77002',
  '85004',
  '19103',
  '78205',
  '92101',
  '75201',
  '78701',
  '32202',
  '43215',
  '28202',
  '98101',
  '80202',
  '02108',
  '37203',
  '30303',
  '97204',
  '89101',
  '55401',
  '33602',
  '32801',
  '44113',
  '63101',
  '15222',
  '33301',
  '48226',
];

const FIRST = [
  'Ana',
  'Maria',
  'James',
  'Robert',
  'Linda',
  'Carlos',
  'Sofia',
  'David',
  'Emily',
  'Michael',
  'Grace',
  'Daniel',
  'Olivia',
  'Luis',
  'Aisha',
  'Chen',
  'Priya',
  'Noah',
  'Elena',
  'Marcus',
];
const LAST = [
  'Garcia',
  'Smith',
  'Johnson',
  'Rodriguez',
  'Nguyen',
  'Williams',
  'Brown',
  'Martinez',
  'Lee',
  'Patel',
  'Davis',
  'Lopez',
  'Wilson',
  'Clark',
  'Rivera',
  'Kim',
  'Thompson',
  'Moore',
  'Hernandez',
  'Walker',
];
const LANGUAGE_SETS = [
  ['en'],
  ['en'],
  ['en', 'es'],
  ['es', 'en'],
  ['en', 'fr'],
  ['en', 'pt'],
  ['en', 'zh'],
  ['en', 'ru'],
  ['en', 'vi'],
  ['en', 'ht'],
];
const LETTERS = ['LMT', 'LMT, BCTMB', 'LMT, CNMT', 'LMT, CLT', 'LMBT', 'LMT, MLD-C'];
const CERTIFICATIONS = [
  ['Board Certified in Therapeutic Massage and Bodywork', 'NCBTMB'],
  ['Certified Neuromuscular Therapist', 'NMT Center'],
  ['Certified Lymphedema Therapist', 'Lymphology Association of North America'],
  ['Manual Lymphatic Drainage', 'Dr. Vodder School International'],
  ['Orthopedic Massage Certification', 'Orthopedic Massage Education & Research Institute'],
] as const;
const SPECIALTIES = [
  ['Family Medicine', '207Q00000X'],
  ['Physical Medicine & Rehabilitation', '208100000X'],
  ['Orthopaedic Surgery', '207X00000X'],
  ['Chiropractor', '111N00000X'],
  ['Physical Therapist', '225100000X'],
  ['Internal Medicine', '207R00000X'],
  ['Pulmonary Disease', '207RP1001X'],
  ['Nurse Practitioner', '363L00000X'],
] as const;

export interface DemoVocabulary {
  conditionIds: string[];
  techniqueIds: string[];
  networkIds: string[];
}

export interface DemoLocation {
  label: string;
  addressLine: string;
  place: ZipPlace;
}

export interface DemoCredential {
  status: 'PENDING' | 'VERIFIED' | 'REJECTED';
  issuedOn: string;
  expiresOn: string;
}

export interface DemoTherapist {
  displayName: string;
  email: string;
  credentialLetters: string;
  bio: string;
  languages: string[];
  practiceContexts: string[];
  treatmentIntentions: string[];
  acceptingNewPatients: boolean;
  billsInsurance: boolean;
  conditionIds: string[];
  techniqueIds: string[];
  locations: DemoLocation[];
  licenses: (DemoCredential & { state: string; licenseNumber: string })[];
  certifications: (DemoCredential & { name: string; issuer: string })[];
  memberships: (DemoCredential & { networkId: string })[];
}

export interface DemoProvider {
  displayName: string;
  email: string;
  npi: string | null;
  specialty: string;
  taxonomyCode: string;
  organization: string;
  location: DemoLocation;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function sample<T>(rnd: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = Math.min(items.length, min + Math.floor(rnd() * (max - min + 1)));
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count) chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return chosen;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(base: Date, days: number): string {
  return isoDate(new Date(base.getTime() + days * 86_400_000));
}

/** ZIP codes around each metro's downtown, from the offline gazetteer. */
function metroPlaces(gazetteer: Gazetteer): ZipPlace[][] {
  return DEMO_METROS.map((zip) => {
    const center = gazetteer.lookupZip(zip);
    if (!center) throw new Error(`Demo metro ZIP ${zip} is not in the gazetteer`);
    const places: ZipPlace[] = [];
    for (let n = Number(zip) - 30; n <= Number(zip) + 60 && places.length < 12; n++) {
      const place = gazetteer.lookupZip(String(n).padStart(5, '0'));
      if (place && place.state === center.state && place.city === center.city) places.push(place);
    }
    return places.length ? places : [center];
  });
}

/** Generates `count` therapists spread over the demo metros with a realistic mix of credential states. */
export function generateTherapists(
  count: number,
  seed: number,
  vocabulary: DemoVocabulary,
  today = new Date(),
): DemoTherapist[] {
  const rnd = random(seed);
  const metros = metroPlaces(Gazetteer.shared());
  const therapists: DemoTherapist[] = [];
  for (let i = 0; i < count; i++) {
    const metro = metros[i % metros.length];
    const home = pick(rnd, metro);
    const displayName = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
    const locations: DemoLocation[] = [
      { label: `${home.city} clinic`, addressLine: `${100 + Math.floor(rnd() * 9800)} Main Street`, place: home },
    ];
    if (rnd() < 0.15)
      locations.push({
        label: 'Second office',
        addressLine: `${100 + Math.floor(rnd() * 9800)} Oak Avenue`,
        place: pick(rnd, metro),
      });
    const roll = rnd();
    // About 70% hold a verified license in their practice state, some pending, a few expired or rejected.
    const status: DemoCredential['status'] =
      roll < 0.7 ? 'VERIFIED' : roll < 0.88 ? 'PENDING' : roll < 0.95 ? 'VERIFIED' : 'REJECTED';
    const expired = roll >= 0.88 && roll < 0.95;
    const licenses = [
      {
        state: home.state,
        licenseNumber: `MA${String(100000 + Math.floor(rnd() * 899999))}`,
        status,
        issuedOn: addDays(today, -365 * (1 + Math.floor(rnd() * 10))),
        expiresOn: expired
          ? addDays(today, -1 - Math.floor(rnd() * 200))
          : addDays(today, 60 + Math.floor(rnd() * 700)),
      },
    ];
    const medical = rnd() < 0.85;
    therapists.push({
      displayName,
      email: `therapist${i + 1}@demo.example`,
      credentialLetters: pick(rnd, LETTERS),
      bio: `${displayName.split(' ')[0]} practises medical massage in ${home.city}, working with prescribers on functional goals and documenting every visit.`,
      languages: pick(rnd, LANGUAGE_SETS),
      practiceContexts: medical ? (rnd() < 0.5 ? ['MEDICAL', 'WELLNESS'] : ['MEDICAL']) : ['WELLNESS'],
      treatmentIntentions: medical ? ['CLINICAL'] : ['RELAXATION'],
      acceptingNewPatients: rnd() < 0.8,
      billsInsurance: medical && rnd() < 0.7,
      conditionIds: sample(rnd, vocabulary.conditionIds, 2, 7),
      techniqueIds: sample(rnd, vocabulary.techniqueIds, 2, 5),
      locations,
      licenses,
      certifications: sample(rnd, CERTIFICATIONS, 0, 2).map(([name, issuer]) => ({
        name,
        issuer,
        status: rnd() < 0.7 ? 'VERIFIED' : 'PENDING',
        issuedOn: addDays(today, -365 * (1 + Math.floor(rnd() * 5))),
        expiresOn: addDays(today, 100 + Math.floor(rnd() * 900)),
      })),
      memberships: sample(rnd, vocabulary.networkIds, 0, 3).map((networkId) => ({
        networkId,
        status: rnd() < 0.75 ? 'VERIFIED' : 'PENDING',
        issuedOn: addDays(today, -365 * (1 + Math.floor(rnd() * 4))),
        expiresOn: addDays(today, 200 + Math.floor(rnd() * 700)),
      })),
    });
  }
  return therapists;
}

export function generateProviders(count: number, seed: number): DemoProvider[] {
  const rnd = random(seed + 1);
  const metros = metroPlaces(Gazetteer.shared());
  return Array.from({ length: count }, (_, i) => {
    const [specialty, taxonomyCode] = pick(rnd, SPECIALTIES);
    const place = pick(rnd, metros[i % metros.length]);
    return {
      displayName: `Dr. ${pick(rnd, FIRST)} ${pick(rnd, LAST)}`,
      email: `provider${i + 1}@demo.example`,
      npi: withNpiCheckDigit(String(150000000 + i * 7919 + Math.floor(rnd() * 7000))),
      specialty,
      taxonomyCode,
      organization: `${place.city} ${pick(rnd, ['Health', 'Medical Group', 'Spine & Sports', 'Family Care'])}`,
      location: { label: 'Office', addressLine: `${200 + Math.floor(rnd() * 9000)} Medical Plaza`, place },
    };
  });
}
