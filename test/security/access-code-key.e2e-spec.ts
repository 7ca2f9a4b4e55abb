import { randomBytes } from 'crypto';
import { JwtService } from '@nestjs/jwt';
import { ClaimReferralDocument } from '@mmn/api-client';
import type { ResolvedConfig } from '@mmn/config';
import { createTestApp, type TestApp } from '@mmn/testing';
import {
  created,
  PATIENT_DOB,
  referralInput,
  referralParties,
  register,
  sql,
  type ProviderAccount,
  type TherapistAccount,
} from '../referrals/referral-helpers';

const secret = () => randomBytes(32).toString('hex');

describe('security: access codes have their own versioned key (finding 9)', () => {
  const firstKey = secret();
  let t: TestApp;
  let parties: { doctor: ProviderAccount; therapist: TherapistAccount };
  beforeAll(async () => {
    t = await createTestApp({ accessCodeKeys: { current: 1, keys: { 1: firstKey } } });
    parties = await referralParties(t);
  });
  afterAll(() => t.close());

  /** The same database restarted with other secrets, and the prescriber's token signed with its JWT secret. */
  async function restarted(
    overrides: Partial<ResolvedConfig>,
    body: (app: TestApp, doctor: ProviderAccount) => Promise<void>,
  ) {
    const app = await createTestApp({
      databaseUrl: t.databaseUrl,
      searchIndexPrefix: t.config.searchIndexPrefix,
      // The patient data of the same database is sealed under the same PHI_KEY.
      phiKeys: t.config.phiKeys,
      ...overrides,
    });
    const token = new JwtService().sign(
      { role: 'PROVIDER' },
      {
        secret: app.config.jwtSecret,
        subject: parties.doctor.userId,
        issuer: 'medical-massage-network',
        audience: 'medical-massage-network-api',
        expiresIn: 900,
      },
    );
    try {
      await body(app, { ...parties.doctor, token });
    } finally {
      await app.close();
    }
  }

  const version = async (referralId: string) =>
    (await sql<{ v: number }>(t, 'SELECT access_code_key_version AS v FROM referrals WHERE id = $1', [referralId]))[0]
      .v;

  it('replays show the same, working code after the JWT secret is rotated', async () => {
    const input = referralInput({ therapistId: parties.therapist.therapistId });
    const original = await created(t, parties.doctor, input);
    expect(await version(original.referral.id)).toBe(1);
    await restarted({ jwtSecret: secret(), accessCodeKeys: t.config.accessCodeKeys }, async (app, doctor) => {
      const replay = await created(app, doctor, input);
      expect(replay.accessCode).toBe(original.accessCode);
      const patient = await register(app, 'PATIENT');
      const claim = await app.as(patient).gql(ClaimReferralDocument, { code: replay.accessCode, dob: PATIENT_DOB });
      expect(claim.errors).toBeUndefined();
    });
  });

  it('a new key version derives new codes while old versions stay replayable', async () => {
    const before = referralInput({ therapistId: parties.therapist.therapistId });
    // Passport keeps one "jwt" strategy per process, the last app's: after a restart, `t` is not used again.
    let old = { accessCode: '' };
    await restarted({ jwtSecret: t.config.jwtSecret, accessCodeKeys: t.config.accessCodeKeys }, async (app, doctor) => {
      old = await created(app, doctor, before);
    });
    const rotated = { current: 2, keys: { 1: firstKey, 2: secret() } };
    await restarted({ jwtSecret: secret(), accessCodeKeys: rotated }, async (app, doctor) => {
      expect((await created(app, doctor, before)).accessCode).toBe(old.accessCode);
      const after = referralInput({ therapistId: parties.therapist.therapistId });
      const fresh = await created(app, doctor, after);
      expect(await version(fresh.referral.id)).toBe(2);
      expect((await created(app, doctor, after)).accessCode).toBe(fresh.accessCode);
      const patient = await register(app, 'PATIENT');
      const claim = await app.as(patient).gql(ClaimReferralDocument, { code: fresh.accessCode, dob: PATIENT_DOB });
      expect(claim.errors).toBeUndefined();
    });
  });
});
