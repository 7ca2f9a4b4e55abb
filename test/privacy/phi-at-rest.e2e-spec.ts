import { randomUUID } from 'crypto';
import { PhiKeyRotation } from '@mmn/referrals';
import {
  claimedReferral,
  code,
  created,
  OPS,
  PATIENT_DOB,
  PATIENT_NAME,
  referralInput,
  register,
  setUpReferralSuite,
  sql,
  visitInput,
  type ReferralSuite,
} from '../referrals/referral-helpers';

/** Every text column of the tables that hold a referral and what hangs off it, as the database stores it. */
async function storedText(s: ReferralSuite, referralId: string): Promise<string> {
  const tables = [
    ['referrals', 'id'],
    ['visits', 'referral_id'],
    ['referral_events', 'referral_id'],
    ['audit_log', 'referral_id'],
    ['notification_outbox', 'referral_id'],
    ['claim_failures', 'referral_id'],
  ];
  const dumps: string[] = [];
  for (const [table, column] of tables) {
    const rows = await sql<{ row: string }>(
      s.t,
      `SELECT row_to_json(x)::text AS row FROM "${table}" x WHERE "${column}" = $1`,
      [referralId],
    );
    for (const { row } of rows) {
      dumps.push(row);
      // bytea appears as "\\x<hex>": look at those bytes as text too, so nothing can hide in a binary column.
      for (const hex of row.match(/\\\\x[0-9a-f]+/g) ?? []) {
        const bytes = Buffer.from(hex.replace(/^\\+x/, ''), 'hex');
        dumps.push(bytes.toString('utf8'), bytes.toString('latin1'));
      }
    }
  }
  return dumps.join('\n');
}

describe('privacy: patient data is encrypted at rest', () => {
  let s: ReferralSuite;
  setUpReferralSuite((suite) => (s = suite));

  const secrets = {
    name: 'Philippa Quartermaine-Oyelaran',
    email: 'philippa.q@example.test',
    phone: '+1 305 555 0187',
    dob: '1979-11-23',
    rxNotes: 'Previous scaphoid fracture, left side',
    soap: 'S: numbness in the thumb at night 7/10',
    progress: 'Grip strength improving, 28 kg today',
    discharge: 'Returned to full-time keyboard work',
  };

  it('stores none of a referral’s patient strings in clear text, yet every party reads them', async () => {
    const made = await created(
      s.t,
      s.doctor,
      referralInput(
        {
          therapistId: s.therapist.therapistId,
          patient: { fullName: secrets.name, dateOfBirth: secrets.dob, email: secrets.email, phone: secrets.phone },
        },
        { notes: secrets.rxNotes },
      ),
    );
    const id = made.referral.id;
    const patient = await register(s.t, 'PATIENT');
    expect(code(await s.t.as(patient).gql(OPS.claim, { code: made.accessCode, dob: PATIENT_DOB }))).toBe('NOT_FOUND');
    expect((await s.t.as(patient).gql(OPS.claim, { code: made.accessCode, dob: secrets.dob })).errors).toBeUndefined();
    const therapist = s.t.as(s.therapist);
    expect((await therapist.gql(OPS.accept, { id })).errors).toBeUndefined();
    expect(
      (await therapist.gql(OPS.visit, { input: visitInput(id, { soapNote: secrets.soap }) })).errors,
    ).toBeUndefined();
    expect((await therapist.gql(OPS.note, { id, note: secrets.progress })).errors).toBeUndefined();
    const done = await therapist.gql<{ completeReferral: { dischargeSummary: string } }>(OPS.complete, {
      input: { referralId: id, dischargeSummary: secrets.discharge, reachedMaximumMedicalImprovement: true },
    });
    expect(done.errors).toBeUndefined();

    const stored = await storedText(s, id);
    expect(stored).toContain(id); // the dump is of this referral's rows
    for (const value of [...Object.values(secrets), 'Philippa', 'Quartermaine', 'scaphoid', 'numbness', '28 kg']) {
      expect(stored).not.toContain(value);
    }
    const [row] = await sql<{ v: number; key: Buffer }>(
      s.t,
      'SELECT phi_key_version AS v, phi_data_key AS key FROM referrals WHERE id = $1',
      [id],
    );
    expect(row.v).toBe(1);
    expect(row.key.length).toBeGreaterThan(32);

    for (const reader of [s.doctor, s.therapist, patient]) {
      const res = await s.t.as(reader).gql<{ referral: Record<string, never> }>(OPS.read, { id });
      expect(res.errors).toBeUndefined();
      const r = res.data!.referral as unknown as {
        patient: { fullName: string; dateOfBirth: string; email: string; phone: string };
        prescription: { notes: string };
        visits: { soapNote: string }[];
        events: { type: string; note: string | null }[];
        dischargeSummary: string;
      };
      expect(r.patient).toEqual({
        fullName: secrets.name,
        dateOfBirth: secrets.dob,
        email: secrets.email,
        phone: secrets.phone,
      });
      expect(r.prescription.notes).toBe(secrets.rxNotes);
      expect(r.visits[0].soapNote).toBe(secrets.soap);
      expect(r.events.find((e) => e.type === 'PROGRESS_NOTE')?.note).toBe(secrets.progress);
      expect(r.dischargeSummary).toBe(secrets.discharge);
    }
  });

  it('seals decline and cancellation reasons too', async () => {
    const made = await created(s.t, s.doctor, referralInput({ therapistId: s.therapist.therapistId }));
    const id = made.referral.id;
    const declined = await s.t.as(s.therapist).gql(OPS.decline, { id, reason: 'Patient lives beyond my Hialeah area' });
    expect(declined.errors).toBeUndefined();
    const cancelled = await s.t.as(s.doctor).gql(OPS.cancel, { id, reason: 'Patient moved in with her daughter' });
    expect(cancelled.errors).toBeUndefined();
    const stored = await storedText(s, id);
    expect(stored).not.toContain('Hialeah');
    expect(stored).not.toContain('daughter');
    expect(stored).not.toContain(PATIENT_NAME);
  });

  it('refuses a sealed value copied into another referral (values are bound to their row)', async () => {
    const a = await claimedReferral(s.t, s, { patient: { fullName: 'Ada Ciphertext', dateOfBirth: PATIENT_DOB } });
    const b = await claimedReferral(s.t, s);
    await sql(
      s.t,
      'UPDATE referrals SET patient_full_name = (SELECT patient_full_name FROM referrals WHERE id = $1) WHERE id = $2',
      [a.referral.id, b.referral.id],
    );
    const res = await s.t.as(b.patient).gql(OPS.read, { id: b.referral.id });
    expect(code(res)).toBe('INTERNAL');
    expect(JSON.stringify(res)).not.toContain('Ada');
  });

  it('encrypts referrals stored before encryption existed (the backfill), keeping them readable and claimable', async () => {
    const made = await created(s.t, s.doctor, referralInput({ therapistId: s.therapist.therapistId }));
    const id = made.referral.id;
    const visitId = randomUUID();
    // A row as the migration leaves one from before: the old text as UTF-8 bytes, no data key.
    await sql(
      s.t,
      `UPDATE referrals SET phi_key_version = NULL, phi_data_key = NULL,
         patient_full_name = convert_to('Legacy Lavinia', 'UTF8'), patient_date_of_birth = convert_to('1950-01-02', 'UTF8'),
         patient_email = NULL, patient_phone = convert_to('305-555-0100', 'UTF8'), prescription_notes = convert_to('old notes', 'UTF8')
       WHERE id = $1`,
      [id],
    );
    await sql(s.t, `UPDATE referral_events SET note = convert_to('legacy event note', 'UTF8') WHERE referral_id = $1`, [
      id,
    ]);
    await sql(
      s.t,
      `INSERT INTO visits (id, referral_id, therapist_id, occurred_on, minutes, technique_ids, soap_note)
       VALUES ($1, $2, $3, current_date, 30, '{}', convert_to('legacy soap', 'UTF8'))`,
      [visitId, id, s.therapist.therapistId],
    );
    const rotation = s.t.app.get(PhiKeyRotation);
    expect(await rotation.remaining('legacy')).toBe(1);
    await rotation.onModuleInit(); // what start-up does before serving
    expect(await rotation.remaining('legacy')).toBe(0);
    const stored = await storedText(s, id);
    for (const value of ['Lavinia', '1950-01-02', '305-555-0100', 'old notes', 'legacy event note', 'legacy soap']) {
      expect(stored).not.toContain(value);
    }
    const patient = await register(s.t, 'PATIENT');
    const claim = await s.t.as(patient).gql<{
      claimReferral: {
        patient: { fullName: string; phone: string };
        visits: { soapNote: string }[];
        events: { note: string }[];
      };
    }>(OPS.claim, { code: made.accessCode, dob: '1950-01-02' });
    expect(claim.errors).toBeUndefined();
    expect(claim.data!.claimReferral.patient).toMatchObject({ fullName: 'Legacy Lavinia', phone: '305-555-0100' });
    expect(claim.data!.claimReferral.visits.map((v) => v.soapNote)).toEqual(['legacy soap']);
    expect(claim.data!.claimReferral.events[0].note).toBe('legacy event note');
  });
});
