/**
 * The soak's clients: each owns a few therapists whose profiles and credentials it changes one write after another
 * (so the order of writes to a record is known), and runs referral scenarios whose steps race on purpose: two
 * creations with one idempotency key, accept against decline (or cancel), more visits than authorized at once,
 * and two completions. What each client was told is kept for the checks.
 */
import type { SoakClient } from './soak-client';
import type { ReferralCase, RegisterWrite } from './soak-checks';
import { canonicalJson } from './soak-checks';
import type { Answer } from './soak-history';
import { seededRandom } from './soak-schedule';

export interface Place {
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface ProfileTherapist {
  therapistId: string;
  token: string;
  place: Place;
  /** Ids of locations and certifications this client added (acknowledged) and may remove again. */
  locations: { id: string; label: string }[];
  certifications: { id: string; name: string }[];
  /** Licenses this client added (acknowledged) that are still PENDING. */
  pendingLicenses: { id: string; number: string }[];
}

export interface Party {
  token: string;
  userId: string;
  id: string;
}

export interface Workload {
  client: SoakClient;
  admin: { token: string };
  vocabulary: { conditionIds: string[]; techniqueIds: string[] };
  /** Therapists owned by each client (profile writes). */
  owned: ProfileTherapist[][];
  providers: Party[];
  /** Verified therapists that receive referrals (their profiles are not written). */
  receivers: Party[];
  registers: Map<string, { initial: string; writes: RegisterWrite[] }>;
  cases: (ReferralCase & { providerId: string })[];
  /** Whether an API process is up (a race sends one request to each). */
  apiUp: (api: number) => boolean;
}

const LANGUAGES = [['en'], ['en', 'es'], ['en', 'fr'], ['es'], ['en', 'zh'], ['en', 'vi'], ['en', 'ru']];
const REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'INVALID_STATE', 'FORBIDDEN', 'NOT_FOUND']);
const REFERRAL = 'id status visitsUsed';

/** The profile fields a write sets, as the register compares them (arrays sorted). */
export function profileValue(p: {
  bio: string | null;
  acceptingNewPatients: boolean;
  billsInsurance: boolean;
  languages: string[];
  conditionIds: string[];
  techniqueIds: string[];
}): string {
  const sorted = (a: string[]) => [...a].sort();
  return canonicalJson({
    bio: p.bio,
    acceptingNewPatients: p.acceptingNewPatients,
    billsInsurance: p.billsInsurance,
    languages: sorted(p.languages),
    conditionIds: sorted(p.conditionIds),
    techniqueIds: sorted(p.techniqueIds),
  });
}

function write(w: Workload, key: string, initial: string, opId: number, answer: Answer, value: string): void {
  const register = w.registers.get(key) ?? { initial, writes: [] };
  register.writes.push({ opId, outcome: answer.outcome, value });
  w.registers.set(key, register);
}

function sample(rnd: () => number, items: string[], min: number, max: number): string[] {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const pool = [...items];
  const out: string[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return out.sort();
}

async function profileOp(w: Workload, c: number, rnd: () => number, t: ProfileTherapist, n: number): Promise<Answer> {
  const call = <T>(kind: string, query: string, variables: Record<string, unknown>, token = t.token) =>
    w.client.call<T>(kind, query, variables, { client: c, token });
  const marker = `${c}-${n}`;
  const roll = rnd();
  if (roll >= 0.45 && roll < 0.6) {
    const label = `Soak location ${marker}`;
    const a = await call<{ addPracticeLocation: { id: string } }>(
      'addPracticeLocation',
      'mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id } }',
      { input: { ...t.place, label, addressLine: `${n} Soak Street` } },
    );
    write(w, `location ${label}`, 'absent', a.opId, a, 'present');
    if (a.outcome === 'ok') t.locations.push({ id: a.data!.addPracticeLocation.id, label });
    return a;
  }
  if (roll >= 0.6 && roll < 0.68 && t.locations.length > 0) {
    const [location] = t.locations.splice(Math.floor(rnd() * t.locations.length), 1);
    const a = await call('removePracticeLocation', 'mutation($id: ID!) { removePracticeLocation(id: $id) }', {
      id: location.id,
    });
    write(w, `location ${location.label}`, 'absent', a.opId, a, 'absent');
    if (a.outcome !== 'ok' && a.outcome !== 'unknown') t.locations.push(location);
    return a;
  }
  if (roll >= 0.68 && roll < 0.8) {
    const number = `SOAK${marker}`;
    const a = await call<{ addLicense: { id: string } }>(
      'addLicense',
      'mutation($input: LicenseInput!) { addLicense(input: $input) { id } }',
      { input: { state: t.place.state, licenseNumber: number, expiresOn: isoDaysFromToday(400) } },
    );
    write(w, `license ${number}`, 'absent', a.opId, a, 'present');
    if (a.outcome === 'ok') {
      t.pendingLicenses.push({ id: a.data!.addLicense.id, number });
      write(w, `license-status ${number}`, 'PENDING', a.opId, a, 'PENDING');
    }
    return a;
  }
  if (roll >= 0.8 && roll < 0.88 && t.pendingLicenses.length > 0) {
    const [license] = t.pendingLicenses.splice(0, 1);
    const a = await call(
      'verifyCredential',
      'mutation($input: VerifyCredentialInput!) { verifyCredential(input: $input) { status } }',
      { input: { kind: 'LICENSE', credentialId: license.id, status: 'VERIFIED', source: 'State board (soak)' } },
      w.admin.token,
    );
    write(w, `license-status ${license.number}`, 'PENDING', a.opId, a, 'VERIFIED');
    return a;
  }
  if (roll >= 0.88 && roll < 0.95) {
    const name = `Soak cert ${marker}`;
    const a = await call<{ addCertification: { id: string } }>(
      'addCertification',
      'mutation($input: CertificationInput!) { addCertification(input: $input) { id } }',
      { input: { name, issuer: 'Soak Board' } },
    );
    write(w, `certification ${name}`, 'absent', a.opId, a, 'present');
    if (a.outcome === 'ok') t.certifications.push({ id: a.data!.addCertification.id, name });
    return a;
  }
  if (roll >= 0.95 && t.certifications.length > 0) {
    const [cert] = t.certifications.splice(0, 1);
    const a = await call(
      'removeCredential',
      'mutation($id: ID!) { removeCredential(kind: CERTIFICATION, credentialId: $id) }',
      { id: cert.id },
    );
    write(w, `certification ${cert.name}`, 'absent', a.opId, a, 'absent');
    if (a.outcome !== 'ok' && a.outcome !== 'unknown') t.certifications.push(cert);
    return a;
  }
  const input = {
    bio: `Soak profile write ${marker}`,
    acceptingNewPatients: rnd() < 0.7,
    billsInsurance: rnd() < 0.5,
    languages: LANGUAGES[Math.floor(rnd() * LANGUAGES.length)],
    conditionIds: sample(rnd, w.vocabulary.conditionIds, 1, 5),
    techniqueIds: sample(rnd, w.vocabulary.techniqueIds, 1, 4),
  };
  const a = await call(
    'updateMyTherapistProfile',
    'mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }',
    { input },
  );
  write(w, `profile ${t.therapistId}`, '', a.opId, a, profileValue(input));
  return a;
}

export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** One referral from creation to discharge, with the races; returns how many operations it sent. */
async function referralScenario(w: Workload, c: number, rnd: () => number, n: number): Promise<Answer[]> {
  const provider = w.providers[Math.floor(rnd() * w.providers.length)];
  const therapist = w.receivers[Math.floor(rnd() * w.receivers.length)];
  const key = `soak-${c}-${n}`;
  const cs: ReferralCase & { providerId: string } = {
    key,
    providerId: provider.id,
    creations: [],
    transitions: [],
    races: [],
    stored: { referrals: [], events: [] },
  };
  w.cases.push(cs);
  const onBoth = <T>(kind: string, query: string, variables: (i: number) => Record<string, unknown>, token: string) =>
    Promise.all(
      [0, 1].map((i) =>
        w.client.call<T>(kind, query, variables(i), {
          client: c,
          token,
          audited: true,
          api: w.apiUp(i) ? i : undefined,
        }),
      ),
    );
  const input = {
    idempotencyKey: key,
    therapistId: therapist.id,
    patient: { fullName: 'Soak Patient', dateOfBirth: '1970-01-01' },
    prescription: {
      diagnosisCodes: ['G56.01'],
      bodyRegions: ['right wrist'],
      visitsPerWeek: 1,
      durationWeeks: 3,
      visitsAuthorized: 3,
      sessionMinutes: 45,
      goals: ['Sit for an hour without pain'],
      writtenOn: isoDaysFromToday(0),
      expiresOn: isoDaysFromToday(90),
    },
  };
  const created = await onBoth<{ createReferral: { referral: { id: string } } }>(
    'createReferral',
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { accessCode referral { ${REFERRAL} } } }`,
    () => ({ input }),
    provider.token,
  );
  for (const a of created)
    cs.creations.push({ opId: a.opId, outcome: a.outcome, referralId: a.data?.createReferral.referral.id });
  const answers: Answer[] = [...created];
  const id = created.find((a) => a.outcome === 'ok')?.data?.createReferral.referral.id;
  if (!id) return answers;
  const track = (eventType: string, list: (Answer & { opId: number })[]) => {
    for (const a of list) cs.transitions.push({ opId: a.opId, eventType, outcome: a.outcome });
    answers.push(...list);
  };
  const byTherapist = <T>(kind: string, query: string, variables: Record<string, unknown>, api?: number) =>
    w.client.call<T>(kind, query, variables, { client: c, token: therapist.token, audited: true, api });
  const cancelInstead = rnd() < 0.3;
  const [accepted, other] = await Promise.all([
    byTherapist('acceptReferral', `mutation($id: ID!) { acceptReferral(referralId: $id) { ${REFERRAL} } }`, { id }),
    cancelInstead
      ? w.client.call(
          'cancelReferral',
          `mutation($id: ID!) { cancelReferral(referralId: $id, reason: "Patient moved away") { ${REFERRAL} } }`,
          { id },
          { client: c, token: provider.token, audited: true },
        )
      : byTherapist(
          'declineReferral',
          `mutation($id: ID!) { declineReferral(referralId: $id, reason: "Fully booked") { ${REFERRAL} } }`,
          { id },
        ),
  ]);
  track('ACCEPTED', [accepted]);
  track(cancelInstead ? 'CANCELLED' : 'DECLINED', [other]);
  // Accept and decline exclude each other; a cancellation may follow an acceptance (both win, in that order only,
  // which the timeline chain check covers).
  if (!cancelInstead) cs.races.push(['ACCEPTED', 'DECLINED']);
  if (accepted.outcome !== 'ok') return answers;
  const visits = await Promise.all(
    [0, 1, 2, 3].map(() =>
      byTherapist('recordVisit', 'mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }', {
        input: { referralId: id, occurredOn: isoDaysFromToday(0), minutes: 45, soapNote: 'S: better. P: continue.' },
      }),
    ),
  );
  track('VISIT_RECORDED', visits);
  const completions = await onBoth(
    'completeReferral',
    `mutation($input: CompleteReferralInput!) { completeReferral(input: $input) { ${REFERRAL} } }`,
    () => ({ input: { referralId: id, dischargeSummary: 'Goals met.', reachedMaximumMedicalImprovement: false } }),
    therapist.token,
  );
  track('COMPLETED', completions);
  cs.races.push(['COMPLETED']);
  return answers;
}

/** Waits a little after answers that say the system is unwell (not after a rule's refusal), as a polite client does. */
async function backOff(answers: Answer[], streak: { n: number }): Promise<void> {
  const unwell = answers.some((a) => a.outcome !== 'ok' && !REFUSALS.has(a.code ?? ''));
  streak.n = unwell ? streak.n + 1 : 0;
  if (unwell) await new Promise((r) => setTimeout(r, Math.min(2000, 150 * streak.n)));
}

/** One client: `profileOps` profile/credential writes and about `referralOps` referral operations, interleaved. */
export async function runClient(
  w: Workload,
  c: number,
  seed: number,
  budget: { profileOps: number; referralOps: number },
): Promise<void> {
  const rnd = seededRandom(seed * 1000 + c);
  let profileLeft = budget.profileOps;
  let referralLeft = budget.referralOps;
  const streak = { n: 0 };
  for (let n = 1; profileLeft > 0 || referralLeft > 0; n++) {
    const roll = rnd();
    const referral = referralLeft > 0 && (profileLeft <= 0 || roll < referralLeft / (profileLeft + referralLeft));
    if (referral) {
      const answers = await referralScenario(w, c, rnd, n);
      referralLeft -= answers.length;
      await backOff(answers, streak);
    } else {
      const owned = w.owned[c];
      const answer = await profileOp(w, c, rnd, owned[n % owned.length], n);
      profileLeft--;
      await backOff([answer], streak);
    }
  }
}
