import { ReferralStatus, type ReferralView } from '@mmn/referrals';
import { referralStatusesFor, TASK_STATUS, toServiceRequest, toTask } from './referral.mappers';

function view(status: ReferralStatus, overrides: Partial<ReferralView> = {}): ReferralView {
  return {
    id: 'r1',
    status,
    provider: { id: 'p1', displayName: 'Dr. Reed', npi: '1234567893' },
    therapist: { id: 't1', displayName: 'Ann Example' },
    patient: { fullName: 'Zelda Q', dateOfBirth: '1961-04-17', email: 'z@example.test', phone: null },
    prescription: {
      diagnoses: [{ code: 'G56.01', description: 'Carpal tunnel syndrome, right upper limb' }],
      bodyRegions: ['right wrist'],
      visitsPerWeek: 2,
      durationWeeks: 4,
      visitsAuthorized: 8,
      sessionMinutes: 45,
      goals: ['Type for 2 hours'],
      precautions: ['no deep pressure'],
      contraindications: [],
      requestedTechniqueIds: [],
      notes: null,
      writtenOn: '2026-01-01',
      expiresOn: '2026-04-01',
    },
    visitsUsed: 0,
    visits: [],
    events: [],
    dischargeSummary: null,
    reachedMaximumMedicalImprovement: null,
    createdAt: new Date('2026-01-01T10:00:00Z'),
    updatedAt: new Date('2026-01-02T10:00:00Z'),
    ...overrides,
  } as unknown as ReferralView;
}

describe('referral mappers (BSeR)', () => {
  it('maps the prescription to a ServiceRequest: order, NPI requester, ICD-10-CM reasons, timing until expiry', () => {
    const sr = toServiceRequest(view(ReferralStatus.SENT));
    expect(sr).toMatchObject({
      intent: 'order',
      status: 'active',
      requester: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' } },
      performer: [{ reference: 'Practitioner/t1' }],
      reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G56.01' }] }],
      quantityQuantity: { value: 8 },
      occurrenceTiming: {
        repeat: { frequency: 2, periodUnit: 'wk', boundsPeriod: { end: '2026-04-01' }, duration: 45 },
      },
      subject: { reference: '#patient' },
      authoredOn: '2026-01-01',
    });
    expect(sr.contained![0]).toMatchObject({ resourceType: 'Patient', id: 'patient', birthDate: '1961-04-17' });
  });

  it('maps every referral status to a Task status and back', () => {
    expect(TASK_STATUS).toEqual({
      OPEN: 'requested',
      SENT: 'requested',
      ACCEPTED: 'accepted',
      DECLINED: 'rejected',
      IN_PROGRESS: 'in-progress',
      COMPLETED: 'completed',
      CANCELLED: 'cancelled',
      EXPIRED: 'failed',
      TRANSFERRED: 'cancelled',
    });
    expect(referralStatusesFor('requested')).toEqual(['OPEN', 'SENT']);
    expect(referralStatusesFor('on-hold')).toEqual([]);
  });

  it('gives a declined Task its reason and a completed one its notes and discharge summary', () => {
    const declined = toTask(
      view(ReferralStatus.DECLINED, {
        events: [{ type: 'DECLINED', note: 'Full this month' }] as ReferralView['events'],
        therapist: null,
      }),
    );
    expect(declined).toMatchObject({ status: 'rejected', statusReason: { text: 'Full this month' } });
    expect(declined.owner).toBeUndefined();
    const done = toTask(
      view(ReferralStatus.COMPLETED, {
        events: [{ type: 'PROGRESS_NOTE', note: 'Better' }] as ReferralView['events'],
        dischargeSummary: 'Goals met',
        reachedMaximumMedicalImprovement: true,
      }),
    );
    expect(done.output).toEqual([
      { type: { text: 'Progress note' }, valueString: 'Better' },
      { type: { text: 'Discharge summary' }, valueString: 'Goals met' },
      { type: { text: 'Maximum medical improvement reached' }, valueBoolean: true },
    ]);
    expect(done.businessStatus!.coding![0].code).toBe('7.0');
    expect(done.focus!.reference).toBe('ServiceRequest/r1');
  });
});
