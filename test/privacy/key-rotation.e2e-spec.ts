import { randomBytes } from 'crypto';
import { JwtService } from '@nestjs/jwt';
import type { Keyring, ResolvedConfig } from '@mmn/config';
import { PhiKeyRotation } from '@mmn/referrals';
import { createTestApp, type TestApp } from '@mmn/testing';
import {
  type Account,
  created,
  code,
  OPS,
  PATIENT_DOB,
  PATIENT_NAME,
  referralInput,
  referralParties,
  register,
  sql,
  visitInput,
  type ProviderAccount,
  type TherapistAccount,
} from '../referrals/referral-helpers';

const secret = () => randomBytes(32).toString('hex');

/** The same account's token signed for another app instance (each instance has the JWT secret of the test). */
const tokenFor = (app: TestApp, account: Account, role: string) => ({
  ...account,
  token: new JwtService().sign(
    { role },
    {
      secret: app.config.jwtSecret,
      subject: account.userId,
      issuer: 'medical-massage-network',
      audience: 'medical-massage-network-api',
      expiresIn: 900,
    },
  ),
});

describe('privacy: npm run keys:rotate re-wraps every record under a new PHI_KEY version', () => {
  const v1 = secret();
  const v2 = secret();
  let t: TestApp;
  let parties: { admin: Account; doctor: ProviderAccount; therapist: TherapistAccount };
  const referrals: { id: string; accessCode: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ phiKeys: { current: 1, keys: { 1: v1 } } });
    parties = await referralParties(t);
    for (let i = 0; i < 7; i++) {
      const made = await created(t, parties.doctor, referralInput({ therapistId: parties.therapist.therapistId }));
      referrals.push({ id: made.referral.id, accessCode: made.accessCode });
    }
    // Some history under the old key: a visit with a SOAP note and a progress note on the first one.
    const id = referrals[0].id;
    await t.as(parties.therapist).gql(OPS.accept, { id });
    await t.as(parties.therapist).gql(OPS.visit, { input: visitInput(id) });
    await t.as(parties.therapist).gql(OPS.note, { id, note: 'Grip improving' });
  });
  afterAll(() => t.close());

  /** The API restarted on the same database with another PHI_KEY (tokens stay valid: same JWT secret). */
  async function restarted(phiKeys: Keyring, body: (app: TestApp) => Promise<void>) {
    const overrides: Partial<ResolvedConfig> = {
      databaseUrl: t.databaseUrl,
      searchIndexPrefix: t.config.searchIndexPrefix,
      jwtSecret: t.config.jwtSecret,
      accessCodeKeys: t.config.accessCodeKeys,
      phiKeys,
    };
    const app = await createTestApp(overrides);
    try {
      await body(app);
    } finally {
      await app.close();
    }
  }

  const versions = async () =>
    (await sql<{ v: number }>(t, 'SELECT phi_key_version AS v FROM referrals ORDER BY id')).map((r) => r.v);

  /** Every referral reads in full for its prescriber; the first one's history too. */
  async function expectAllReadable(app: TestApp) {
    const doctor = tokenFor(app, parties.doctor, 'PROVIDER');
    for (const { id } of referrals) {
      const res = await app
        .as(doctor)
        .gql<{ referral: { patient: { fullName: string; dateOfBirth: string } } }>(OPS.read, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.referral.patient).toMatchObject({ fullName: PATIENT_NAME, dateOfBirth: PATIENT_DOB });
    }
    const first = await app
      .as(doctor)
      .gql<{ referral: { visits: { soapNote: string }[]; events: { note: string | null }[] } }>(OPS.read, {
        id: referrals[0].id,
      });
    expect(first.data!.referral.visits[0].soapNote).toMatch(/wrist pain/);
    expect(first.data!.referral.events.map((e) => e.note)).toContain('Grip improving');
  }

  async function claim(app: TestApp, index: number) {
    const patient = await register(app, 'PATIENT');
    const res = await app.as(patient).gql(OPS.claim, { code: referrals[index].accessCode, dob: PATIENT_DOB });
    expect(res.errors).toBeUndefined();
    expect(code(await app.as(patient).gql(OPS.claim, { code: referrals[index].accessCode, dob: '1961-04-18' }))).toBe(
      'NOT_FOUND',
    );
  }

  it('is interrupted half-way with the API serving both versions, resumes, and every referral stays readable and claimable', async () => {
    expect(new Set(await versions())).toEqual(new Set([1]));
    const wrappedBefore = await sql<{ id: string; key: Buffer; version: number; updated: Date }>(
      t,
      'SELECT id, phi_data_key AS key, version, updated_at AS updated FROM referrals ORDER BY id',
    );
    // The operator adds version 2 and restarts the API with both; new referrals get version 2 at once.
    await restarted({ current: 2, keys: { 1: v1, 2: v2 } }, async (app) => {
      const rotation = app.app.get(PhiKeyRotation);
      expect(await rotation.remaining()).toBe(referrals.length);
      const progress: { done: number; total: number }[] = [];
      // Interrupted after two batches of two.
      const partial = await rotation.run({ batchSize: 2, maxBatches: 2, onProgress: (p) => progress.push(p) });
      expect(partial).toEqual({ rotated: 4, remaining: 3 });
      expect(progress.map((p) => [p.done, p.total])).toEqual([
        [2, 7],
        [4, 7],
      ]);
      expect((await versions()).sort()).toEqual([1, 1, 1, 2, 2, 2, 2]);
      // Mid-rotation the API keeps serving: everything reads, and claims compare the date of birth.
      await expectAllReadable(app);
      await claim(app, 1);
      // Resumed: only what was left.
      const rest = await rotation.run({ batchSize: 2 });
      expect(rest).toEqual({ rotated: 3, remaining: 0 });
      expect(await rotation.run()).toEqual({ rotated: 0, remaining: 0 });
    });
    expect(new Set(await versions())).toEqual(new Set([2]));
    const wrappedAfter = await sql<{ id: string; key: Buffer; version: number; updated: Date }>(
      t,
      'SELECT id, phi_data_key AS key, version, updated_at AS updated FROM referrals ORDER BY id',
    );
    // Only the wrapped key changed: not the referral's version (no conflict with a concurrent edit) nor updatedAt.
    wrappedAfter.forEach((row, i) => {
      expect(row.key.equals(wrappedBefore[i].key)).toBe(false);
      const claimedMidway = row.id === referrals[1].id;
      expect(row.version).toBe(wrappedBefore[i].version + (claimedMidway ? 1 : 0));
      if (!claimedMidway) expect(row.updated).toEqual(wrappedBefore[i].updated);
    });
    // Version 1 can now be dropped: an API with version 2 alone reads and claims everything.
    await restarted({ current: 2, keys: { 2: v2 } }, async (app) => {
      await expectAllReadable(app);
      await claim(app, 2);
    });
  });

  it('fails without naming any value when a record’s key version is no longer configured', async () => {
    await restarted({ current: 3, keys: { 3: secret() } }, async (app) => {
      const rotation = app.app.get(PhiKeyRotation);
      await expect(rotation.run({ batchSize: 2 })).rejects.toThrow(/PHI_KEY version 2 is not configured/);
      const doctor = tokenFor(app, parties.doctor, 'PROVIDER');
      const res = await app.as(doctor).gql(OPS.read, { id: referrals[0].id });
      expect(code(res)).toBe('INTERNAL');
      expect(JSON.stringify(res)).not.toContain(PATIENT_NAME);
    });
    expect(new Set(await versions())).toEqual(new Set([2]));
  });
});
