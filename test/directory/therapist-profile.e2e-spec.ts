import { Client } from 'pg';
import { createTestApp, type TestApp } from '@mmn/testing';
import { COLUMBUS, MIAMI, register, signInAdmin, THERAPIST_FIELDS, type Account } from './directory-helpers';

interface TherapistData {
  id: string;
  displayName: string;
  bio: string | null;
  languages: string[];
  practiceContexts: string[];
  conditions: { id: string }[];
  techniques: { id: string }[];
  locations: { id: string; latitude: number; longitude: number; state: string }[];
  verified: boolean;
  reputation: { referringProviders: number; completedReferrals: number; endorsements: number };
  endorsements: unknown[];
}

const UPDATE = `mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { ${THERAPIST_FIELDS} } }`;
const ADD_LOCATION = `mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id label city state postalCode latitude longitude } }`;

describe('therapist profile', () => {
  let t: TestApp;
  let db: Client;
  let therapist: Account;
  let therapistId: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    therapist = await register(t, 'THERAPIST', 'Ana Lopez');
    const mine = await t.gql<{ myTherapistProfile: TherapistData }>(
      `{ myTherapistProfile { ${THERAPIST_FIELDS} } }`,
      {},
      { token: therapist.token },
    );
    expect(mine.errors).toBeUndefined();
    therapistId = mine.data!.myTherapistProfile.id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const outboxCount = async (id: string) =>
    Number((await db.query('SELECT count(*) FROM search_outbox WHERE therapist_id = $1', [id])).rows[0].count);

  it('creates an empty profile at registration, with its own id and the user display name', async () => {
    expect(therapistId).not.toBe(therapist.userId);
    const res = await t.gql<{ therapist: TherapistData }>(
      `query($id: ID!) { therapist(id: $id) { ${THERAPIST_FIELDS} } }`,
      { id: therapistId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.therapist).toMatchObject({
      displayName: 'Ana Lopez',
      bio: null,
      languages: [],
      locations: [],
      verified: false,
      reputation: { referringProviders: 0, completedReferrals: 0, endorsements: 0 },
      endorsements: [],
    });
    expect(await outboxCount(therapistId)).toBe(1);
  });

  it('updates the profile, writes history and an outbox row in the same transaction', async () => {
    const before = await outboxCount(therapistId);
    const res = await t.gql<{ updateMyTherapistProfile: TherapistData }>(
      UPDATE,
      {
        input: {
          bio: 'Medical massage for lymphedema and post-surgical recovery.',
          languages: ['en', 'ES'],
          practiceContexts: ['MEDICAL'],
          treatmentIntentions: ['CLINICAL'],
          acceptingNewPatients: true,
          billsInsurance: true,
          conditionIds: ['carpal-tunnel-syndrome'],
          techniqueIds: ['myofascial-release'],
        },
      },
      { token: therapist.token },
    );
    expect(res.errors).toBeUndefined();
    const profile = res.data!.updateMyTherapistProfile;
    expect(profile.languages).toEqual(['en', 'es']);
    expect(profile.conditions).toEqual([{ id: 'carpal-tunnel-syndrome' }]);
    expect(profile.techniques).toEqual([{ id: 'myofascial-release' }]);
    expect(profile.displayName).toBe('Ana Lopez');
    expect(await outboxCount(therapistId)).toBe(before + 1);
    const rows = await db.query(
      `SELECT field, old_value, new_value, actor_id FROM profile_changes WHERE therapist_id = $1 AND entity = 'Therapist'`,
      [therapistId],
    );
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { field: 'languages', old_value: '', new_value: 'en,es', actor_id: therapist.userId },
        { field: 'acceptingNewPatients', old_value: 'false', new_value: 'true', actor_id: therapist.userId },
      ]),
    );
  });

  it.each([
    ['a bio over 2000 characters', { bio: 'x'.repeat(2001) }, 'input.bio'],
    ['a language that is not ISO 639-1', { languages: ['en', 'english'] }, 'input.languages'],
    ['an unknown condition id', { conditionIds: ['carpal-tunnel-syndrome', 'broken-heart'] }, 'input.conditionIds'],
    ['an unknown technique id', { techniqueIds: ['reiki-deluxe'] }, 'input.techniqueIds'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, input, field) => {
    const res = await t.gql(UPDATE, { input }, { token: therapist.token });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toContain(field);
  });

  it('is for therapists only', async () => {
    const patient = await register(t, 'PATIENT');
    const res = await t.gql(UPDATE, { input: { bio: 'hi' } }, { token: patient.token });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(UPDATE, { input: { bio: 'hi' } });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  describe('practice locations (offline gazetteer)', () => {
    it('resolves coordinates from the ZIP code', async () => {
      const res = await t.gql<{ addPracticeLocation: { latitude: number; longitude: number; state: string } }>(
        ADD_LOCATION,
        { input: MIAMI },
        { token: therapist.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.addPracticeLocation.state).toBe('FL');
      expect(res.data!.addPracticeLocation.latitude).toBeCloseTo(25.76, 1);
      expect(res.data!.addPracticeLocation.longitude).toBeCloseTo(-80.19, 1);
    });

    it.each([
      ['an unknown ZIP', { ...MIAMI, postalCode: '00000' }, 'input.postalCode'],
      ['a state other than the ZIP state', { ...MIAMI, state: 'OH' }, 'input.state'],
      ['a city unknown in that state', { ...COLUMBUS, city: 'Atlantis' }, 'input.city'],
    ])('refuses %s', async (_name, input, field) => {
      const res = await t.gql(ADD_LOCATION, { input }, { token: therapist.token });
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions.fields).toEqual([field]);
    });
  });

  describe('ownership', () => {
    it("answers NOT_FOUND for another therapist's location and credential, and leaves them alone", async () => {
      const other = await register(t, 'THERAPIST');
      const location = await t.gql<{ addPracticeLocation: { id: string } }>(
        ADD_LOCATION,
        { input: COLUMBUS },
        { token: other.token },
      );
      const license = await t.gql<{ addLicense: { id: string } }>(
        `mutation($input: LicenseInput!) { addLicense(input: $input) { id } }`,
        { input: { state: 'OH', licenseNumber: '33.012345', expiresOn: '2030-01-31' } },
        { token: other.token },
      );
      const removeLocation = await t.gql(
        `mutation($id: ID!) { removePracticeLocation(id: $id) }`,
        { id: location.data!.addPracticeLocation.id },
        { token: therapist.token },
      );
      expect(removeLocation.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const removeCredential = await t.gql(
        `mutation($id: ID!) { removeCredential(kind: LICENSE, credentialId: $id) }`,
        { id: license.data!.addLicense.id },
        { token: therapist.token },
      );
      expect(removeCredential.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const garbage = await t.gql(
        `mutation { removeCredential(kind: CERTIFICATION, credentialId: "not-a-uuid") }`,
        {},
        { token: therapist.token },
      );
      expect(garbage.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const theirs = await t.gql<{ myTherapistProfile: { locations: unknown[]; licenses: unknown[] } }>(
        `{ myTherapistProfile { locations { id } licenses { id } } }`,
        {},
        { token: other.token },
      );
      expect(theirs.data!.myTherapistProfile.locations).toHaveLength(1);
      expect(theirs.data!.myTherapistProfile.licenses).toHaveLength(1);

      const own = await t.gql(
        `mutation($id: ID!) { removePracticeLocation(id: $id) }`,
        { id: location.data!.addPracticeLocation.id },
        { token: other.token },
      );
      expect(own.data).toEqual({ removePracticeLocation: true });
    });
  });

  describe('suspension and change history (ADMIN)', () => {
    let admin: Account;
    beforeAll(async () => {
      admin = await signInAdmin(t);
    });

    it('hides a suspended therapist from the public and shows them again once reinstated', async () => {
      const before = await outboxCount(therapistId);
      const suspend = await t.gql<{ suspendTherapist: { id: string } }>(
        `mutation($input: TherapistSuspensionInput!) { suspendTherapist(input: $input) { id } }`,
        { input: { therapistId, reason: 'License under board investigation' } },
        { token: admin.token },
      );
      expect(suspend.errors).toBeUndefined();
      const hidden = await t.gql(`query($id: ID!) { therapist(id: $id) { id } }`, { id: therapistId });
      expect(hidden.data).toEqual({ therapist: null });
      expect(await outboxCount(therapistId)).toBe(before + 1);

      const reinstate = await t.gql(
        `mutation($input: TherapistSuspensionInput!) { reinstateTherapist(input: $input) { id } }`,
        { input: { therapistId, reason: 'Investigation closed' } },
        { token: admin.token },
      );
      expect(reinstate.errors).toBeUndefined();
      const shown = await t.gql(`query($id: ID!) { therapist(id: $id) { id } }`, { id: therapistId });
      expect(shown.data).toEqual({ therapist: { id: therapistId } });
    });

    it('refuses suspension by a non-admin', async () => {
      const res = await t.gql(
        `mutation($input: TherapistSuspensionInput!) { suspendTherapist(input: $input) { id } }`,
        { input: { therapistId, reason: 'no' } },
        { token: therapist.token },
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('lists every change with who, when, what, old and new value, newest first', async () => {
      const res = await t.gql<{
        therapistChangeHistory: {
          at: string;
          actorId: string;
          entity: string;
          entityId: string;
          field: string;
          oldValue: string | null;
          newValue: string | null;
        }[];
      }>(
        `query($id: ID!, $first: Int) { therapistChangeHistory(therapistId: $id, first: $first) { at actorId entity entityId field oldValue newValue } }`,
        { id: therapistId, first: 200 },
        { token: admin.token },
      );
      expect(res.errors).toBeUndefined();
      const history = res.data!.therapistChangeHistory;
      expect(history[0]).toMatchObject({
        entity: 'Therapist',
        field: 'reinstatementReason',
        newValue: 'Investigation closed',
        actorId: admin.userId,
      });
      expect(history).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entity: 'Therapist',
            entityId: therapistId,
            field: 'suspensionReason',
            oldValue: null,
            newValue: 'License under board investigation',
          }),
          expect.objectContaining({ entity: 'Therapist', field: 'bio', oldValue: null, actorId: therapist.userId }),
          expect.objectContaining({
            entity: 'PracticeLocation',
            field: 'postalCode',
            oldValue: null,
            newValue: '33131',
          }),
        ]),
      );
      const times = history.map((row) => Date.parse(row.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const forbidden = await t.gql(
        `query($id: ID!) { therapistChangeHistory(therapistId: $id) { field } }`,
        { id: therapistId },
        { token: therapist.token },
      );
      expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  it('answers null for an unknown or malformed therapist id', async () => {
    const res = await t.gql(
      `{ a: therapist(id: "00000000-0000-4000-8000-000000000000") { id } b: therapist(id: "nope") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });
});
