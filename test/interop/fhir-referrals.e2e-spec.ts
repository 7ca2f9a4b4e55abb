import type { Bundle, OperationOutcome, ServiceRequest, Task } from '@medplum/fhirtypes';
import { createTestApp, prepareFhirSchema, type TestApp } from '@mmn/testing';
import {
  type Account,
  claimedReferral,
  created,
  OPS,
  provider,
  type ProviderAccount,
  referralInput,
  register,
  signInAdmin,
  sql,
  type TherapistAccount,
  verifiedTherapist,
  visitInput,
} from '../referrals/referral-helpers';
import { fhir, get, ids } from './interop-helpers';

describe('FHIR referrals (ServiceRequest + Task)', () => {
  let t: TestApp;
  let admin: Account;
  let doctor: ProviderAccount;
  let therapist: TherapistAccount;
  let patient: Account;
  let referralId: string;

  const act = async (account: Account, query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables, { token: account.token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  const task = async (account: Account = therapist) =>
    (await fhir<Task>(t, `/fhir/Task/${referralId}`, { token: account.token })).body;
  const auditRows = (actorId: string) =>
    sql<{ action: string; outcome: string }>(
      t,
      `SELECT action, outcome FROM audit_log WHERE referral_id = $1 AND actor_id = $2 ORDER BY id`,
      [referralId, actorId],
    );

  beforeAll(async () => {
    prepareFhirSchema();
    t = await createTestApp();
    admin = await signInAdmin(t);
    [doctor, therapist] = await Promise.all([provider(t), verifiedTherapist(t, admin)]);
    const made = await claimedReferral(t, { doctor, therapist });
    referralId = made.referral.id;
    patient = made.patient;
  });
  afterAll(() => t.close());

  it('reads the referral as a BSeR ServiceRequest for each party', async () => {
    for (const party of [doctor, therapist, patient]) {
      const res = await fhir<ServiceRequest>(t, `/fhir/ServiceRequest/${referralId}`, { token: party.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const sr = res.body;
      expect(sr).toMatchObject({ id: referralId, status: 'active', intent: 'order', authoredOn: expect.any(String) });
      expect(sr.requester!.identifier).toMatchObject({ system: 'http://hl7.org/fhir/sid/us-npi' });
      expect(sr.requester!.identifier!.value).toMatch(/^\d{10}$/);
      expect(sr.performer![0].reference).toBe(`Practitioner/${therapist.therapistId}`);
      expect(sr.reasonCode![0].coding![0]).toMatchObject({
        system: 'http://hl7.org/fhir/sid/icd-10-cm',
        code: 'G56.01',
      });
      expect(sr.quantityQuantity!.value).toBe(8);
      expect(sr.occurrenceTiming!.repeat).toMatchObject({ frequency: 2, period: 1, periodUnit: 'wk', count: 8 });
      expect(sr.occurrenceTiming!.repeat!.boundsPeriod!.end).toBeDefined();
      expect(sr.patientInstruction).toMatch(/Type for 2 hours/);
      expect(sr.note!.map((n) => n.text)).toContain('Precaution: avoid deep pressure over the carpal tunnel');
      const patientResource = sr.contained![0];
      expect(patientResource).toMatchObject({ resourceType: 'Patient', birthDate: '1961-04-17' });
      expect(sr.subject.reference).toBe('#patient');
    }
  });

  it('refuses a non-party with 404 exactly as a missing id, and audits the refusal', async () => {
    const stranger = await register(t, 'PROVIDER');
    const refused = await fhir<OperationOutcome>(t, `/fhir/ServiceRequest/${referralId}`, { token: stranger.token });
    expect(refused.status).toBe(404);
    const missing = await fhir<OperationOutcome>(t, `/fhir/ServiceRequest/00000000-0000-4000-8000-000000000000`, {
      token: stranger.token,
    });
    expect(missing.status).toBe(404);
    expect(refused.body.issue[0].diagnostics).toBe(missing.body.issue[0].diagnostics);
    expect(await auditRows(stranger.userId)).toEqual([{ action: 'READ', outcome: 'DENIED' }]);
    const focus = await fhir<Bundle>(t, `/fhir/Task?focus=ServiceRequest/${referralId}`, { token: stranger.token });
    expect(focus.body.total).toBe(0);
    // An administrator is not a party either.
    expect((await get(t, `/fhir/Task/${referralId}`, { token: admin.token })).status).toBe(404);
  });

  it('needs a bearer token: 401 OperationOutcome', async () => {
    const res = await fhir<OperationOutcome>(t, `/fhir/ServiceRequest/${referralId}`);
    expect(res.status).toBe(401);
    expect(res.body.issue[0].code).toBe('login');
  });

  it('audits every FHIR read like the GraphQL reads', async () => {
    const before = (await auditRows(doctor.userId)).length;
    await fhir(t, `/fhir/ServiceRequest/${referralId}`, { token: doctor.token });
    await fhir(t, `/fhir/Task/${referralId}`, { token: doctor.token });
    const rows = (await auditRows(doctor.userId)).slice(before);
    expect(rows).toEqual([
      { action: 'READ', outcome: 'ALLOWED' },
      { action: 'READ', outcome: 'ALLOWED' },
    ]);
  });

  it('follows the referral through its life as a Task', async () => {
    let current = await task();
    expect(current).toMatchObject({
      status: 'requested',
      intent: 'order',
      code: { coding: [{ code: 'fulfill' }] },
      focus: { reference: `ServiceRequest/${referralId}` },
      owner: { reference: `Practitioner/${therapist.therapistId}` },
    });
    expect(current.businessStatus!.coding![0].code).toBe('2.0');

    await act(therapist, OPS.accept, { id: referralId });
    current = await task();
    expect([current.status, current.businessStatus!.coding![0].code]).toEqual(['accepted', '3.0']);

    await act(therapist, OPS.visit, { input: visitInput(referralId) });
    await act(therapist, OPS.note, { id: referralId, note: 'Grip strength improving.' });
    current = await task(doctor);
    expect(current.status).toBe('in-progress');
    expect(current.output).toEqual([{ type: { text: 'Progress note' }, valueString: 'Grip strength improving.' }]);

    const worklist = await fhir<Bundle>(
      t,
      `/fhir/Task?owner=Practitioner/${therapist.therapistId}&status=in-progress`,
      { token: therapist.token },
    );
    expect(ids(worklist.body)).toEqual([referralId]);
    const none = await fhir<Bundle>(t, `/fhir/Task?status=completed`, { token: therapist.token });
    expect(ids(none.body)).toEqual([]);

    await act(therapist, OPS.complete, {
      input: { referralId, dischargeSummary: 'Pain-free typing for 2 hours.', reachedMaximumMedicalImprovement: true },
    });
    current = await task(patient);
    expect([current.status, current.businessStatus!.coding![0].code]).toEqual(['completed', '7.0']);
    expect(current.output).toContainEqual({
      type: { text: 'Discharge summary' },
      valueString: 'Pain-free typing for 2 hours.',
    });
    const sr = await fhir<ServiceRequest>(t, `/fhir/ServiceRequest/${referralId}`, { token: patient.token });
    expect(sr.body.status).toBe('completed');

    const byFocus = await fhir<Bundle>(t, `/fhir/Task?focus=${referralId}`, { token: doctor.token });
    expect(ids(byFocus.body)).toEqual([referralId]);
  });

  it('shows a decline as rejected with its reason, cancellation as cancelled and expiry as failed', async () => {
    const declined = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    await act(therapist, OPS.decline, { id: declined.referral.id, reason: 'Not taking wrist cases this month' });
    const rejected = (await fhir<Task>(t, `/fhir/Task/${declined.referral.id}`, { token: therapist.token })).body;
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: { text: 'Not taking wrist cases this month' } });
    expect(rejected.businessStatus!.coding![0].code).toBe('4.0');

    const cancelled = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    await act(doctor, OPS.cancel, { id: cancelled.referral.id, reason: 'Patient moved' });
    const cancelledTask = (await fhir<Task>(t, `/fhir/Task/${cancelled.referral.id}`, { token: doctor.token })).body;
    expect([cancelledTask.status, cancelledTask.businessStatus!.coding![0].code]).toEqual(['cancelled', '6.0']);

    const expiring = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    await sql(t, `UPDATE referrals SET written_on = $2, expires_on = $3 WHERE id = $1`, [
      expiring.referral.id,
      '2020-01-01',
      '2020-02-01',
    ]);
    const expired = (await fhir<Task>(t, `/fhir/Task/${expiring.referral.id}`, { token: doctor.token })).body;
    expect(expired.status).toBe('failed');
  });

  it('lists the caller’s referrals as Tasks, paged by cursor', async () => {
    const first = await fhir<Bundle>(t, `/fhir/Task?_count=2`, { token: doctor.token });
    expect(first.body.total).toBe(4);
    expect(first.body.entry).toHaveLength(2);
    const next = first.body.link!.find((l) => l.relation === 'next')!.url;
    const second = await fhir<Bundle>(t, next, { token: doctor.token });
    expect(second.body.entry).toHaveLength(2);
    expect(new Set([...ids(first.body), ...ids(second.body)]).size).toBe(4);
  });
});
