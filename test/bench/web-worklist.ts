/** The prescriber's worklist page of `npm run bench:web`: a prescriber with many referrals, signed in by cookie. */
import { randomInt } from 'crypto';
import { performance } from 'perf_hooks';
import { withNpiCheckDigit } from '@mmn/shared';

const REFERRALS = 200;

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data!;
}

/**
 * Registers a prescriber, sends REFERRALS open referrals through the API (the app runs with
 * REQUIRE_VERIFIED_PRESCRIBERS=false, so no administrator is needed) and returns the Cookie header of their web
 * session: the same cookies the sign-in form sets (production names, `__Host-` prefix).
 */
export async function prescriberWithReferrals(url: string): Promise<string> {
  const auth = await gql<{
    register: { accessToken: string; refreshToken: string; user: { role: string; displayName: string } };
  }>(
    url,
    `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { role displayName } } }`,
    {
      input: {
        email: `worklist.${Date.now()}@bench.example`,
        password: 'bench worklist prescriber passphrase',
        role: 'PROVIDER',
        displayName: 'Dr. Bench Worklist',
      },
    },
  );
  const token = auth.register.accessToken;
  const npi = withNpiCheckDigit(`1${String(randomInt(0, 99_999_999)).padStart(8, '0')}`);
  await gql(
    url,
    `mutation($input: ProviderProfileInput!) { updateMyProviderProfile(input: $input) { id } }`,
    {
      input: { npi },
    },
    token,
  );
  const today = new Date().toISOString().slice(0, 10);
  const expires = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const started = performance.now();
  for (let i = 0; i < REFERRALS; i++) {
    await gql(
      url,
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
      {
        input: {
          idempotencyKey: `bench-worklist-${i}`,
          patient: { fullName: `Bench Patient ${i}`, dateOfBirth: '1970-01-01' },
          prescription: {
            diagnosisCodes: ['M54.50'],
            bodyRegions: ['lower back'],
            visitsPerWeek: 2,
            durationWeeks: 4,
            visitsAuthorized: 8,
            sessionMinutes: 45,
            goals: ['Sit for an hour without pain'],
            writtenOn: today,
            expiresOn: expires,
          },
        },
      },
      token,
    );
  }
  console.log(`  ${REFERRALS} referrals sent in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const user = Buffer.from(JSON.stringify(auth.register.user)).toString('base64url');
  return `__Host-mmn_access=${token}; __Host-mmn_refresh=${auth.register.refreshToken}; __Host-mmn_user=${user}`;
}

export { REFERRALS };
