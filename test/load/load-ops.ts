/**
 * The operations of `npm run load`, one GraphQL request each, sent through the soak's client (its history keeps
 * every answer's kind, latency and error code). Referral transitions walk one referral per client through
 * create -> accept -> visit -> complete, then start the next.
 */
import { DEMO_METROS } from '@mmn/demo';
import type { SoakClient } from '../soak/soak-client';
import { isoDaysFromToday, type Party, type ProfileTherapist } from '../soak/soak-workload';
import type { OpKind } from './load-mix';

const SEARCH = `query($input: TherapistSearchInput!) { searchTherapists(input: $input) {
  totalHits facets { conditions { value count } languages { value count } }
  hits { distanceKm therapist { id displayName verified conditions { id name } } } } }`;
const PROFILE = `query($id: ID!) { therapist(id: $id) { id displayName bio languages verified
  conditions { id name } techniques { id name } } }`;
const REFERRAL = 'id status visitsUsed';
const TEXTS = ['carpal tunel', 'frozen shoulder', 'lymphedema', 'low back pain', 'sciatica', 'migraine'];
const LANGUAGES = [['en'], ['en', 'es'], ['es'], ['en', 'zh']];

export interface KnownReferral {
  id: string;
  provider: Party;
  therapist: Party;
}

export interface LoadWorld {
  client: SoakClient;
  therapistIds: string[];
  conditionIds: string[];
  techniqueIds: string[];
  /** Therapists each client edits (its own, so edits of one record never race). */
  owned: ProfileTherapist[][];
  providers: Party[];
  receivers: Party[];
  referrals: KnownReferral[];
}

interface InFlight {
  ref?: KnownReferral;
  step: 'create' | 'accept' | 'visit' | 'complete';
}

function pick<T>(rnd: () => number, items: T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function referralInput(key: string, therapistId: string) {
  return {
    idempotencyKey: key,
    therapistId,
    patient: { fullName: 'Load Patient', dateOfBirth: '1970-01-01' },
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
}

/** Creates one referral outside the measured run (so there is something to read from the first second). */
export async function createReferral(w: LoadWorld, key: string, provider: Party, therapist: Party) {
  const data = await w.client.must<{ createReferral: { referral: { id: string } } }>(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
    { input: referralInput(key, therapist.id) },
    provider.token,
  );
  w.referrals.push({ id: data.createReferral.referral.id, provider, therapist });
}

/** One client's operation runner: `run(kind)` sends one request of that kind. */
export function clientOps(w: LoadWorld, c: number, rnd: () => number): (kind: OpKind) => Promise<unknown> {
  const flow: InFlight = { step: 'create' };
  let n = 0;
  const call = (kind: OpKind, query: string, variables: Record<string, unknown>, token?: string) =>
    w.client.call(kind, query, variables, { client: c, token });
  const transition = async () => {
    const ref = flow.ref;
    if (flow.step === 'create' || !ref) {
      const provider = pick(rnd, w.providers);
      const therapist = pick(rnd, w.receivers);
      const a = await w.client.call<{ createReferral: { referral: { id: string } } }>(
        'referralTransition',
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { ${REFERRAL} } } }`,
        { input: referralInput(`load-${c}-${++n}-${Date.now()}`, therapist.id) },
        { client: c, token: provider.token },
      );
      const id = a.data?.createReferral.referral.id;
      if (id) {
        flow.ref = { id, provider, therapist };
        w.referrals.push(flow.ref);
        flow.step = 'accept';
      }
      return a;
    }
    const byTherapist = (query: string, variables: Record<string, unknown>) =>
      call('referralTransition', query, variables, ref.therapist.token);
    if (flow.step === 'accept') {
      flow.step = 'visit';
      return byTherapist(`mutation($id: ID!) { acceptReferral(referralId: $id) { ${REFERRAL} } }`, { id: ref.id });
    }
    if (flow.step === 'visit') {
      flow.step = 'complete';
      return byTherapist('mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }', {
        input: { referralId: ref.id, occurredOn: isoDaysFromToday(0), minutes: 45, soapNote: 'S: better.' },
      });
    }
    flow.step = 'create';
    return byTherapist(`mutation($input: CompleteReferralInput!) { completeReferral(input: $input) { ${REFERRAL} } }`, {
      input: { referralId: ref.id, dischargeSummary: 'Goals met.', reachedMaximumMedicalImprovement: false },
    });
  };
  return async (kind) => {
    switch (kind) {
      case 'search': {
        const near = pick(rnd, DEMO_METROS);
        const roll = rnd();
        const input =
          roll < 0.3
            ? { near }
            : roll < 0.55
              ? { near, text: pick(rnd, TEXTS) }
              : roll < 0.8
                ? { near, conditionIds: [pick(rnd, w.conditionIds)] }
                : { near, techniqueIds: [pick(rnd, w.techniqueIds)], acceptingNewPatients: true, sort: 'DISTANCE' };
        return call(kind, SEARCH, { input: { ...input, pageSize: 20 } });
      }
      case 'profileRead':
        return call(kind, PROFILE, { id: pick(rnd, w.therapistIds) });
      case 'referralRead': {
        const ref = pick(rnd, w.referrals);
        const party = rnd() < 0.5 ? ref.provider : ref.therapist;
        return call(
          kind,
          `query($id: ID!) { referral(id: $id) { ${REFERRAL} createdAt events { at toStatus } } }`,
          { id: ref.id },
          party.token,
        );
      }
      case 'referralList': {
        const party = rnd() < 0.5 ? pick(rnd, w.providers) : pick(rnd, w.receivers);
        return call(
          kind,
          `query { referrals(first: 20) { totalCount edges { node { ${REFERRAL} createdAt } } } }`,
          {},
          party.token,
        );
      }
      case 'profileEdit': {
        const t = pick(rnd, w.owned[c]);
        const input = {
          bio: `Load profile edit ${c}-${++n}`,
          acceptingNewPatients: rnd() < 0.7,
          billsInsurance: rnd() < 0.5,
          languages: pick(rnd, LANGUAGES),
          conditionIds: [pick(rnd, w.conditionIds)],
          techniqueIds: [pick(rnd, w.techniqueIds)],
        };
        return call(
          kind,
          'mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }',
          { input },
          t.token,
        );
      }
      case 'referralTransition':
        return transition();
    }
  };
}
