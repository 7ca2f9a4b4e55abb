import type {
  Annotation,
  Patient,
  Practitioner,
  Reference,
  ServiceRequest,
  Task,
  TaskOutput,
} from '@medplum/fhirtypes';
import { ReferralStatus, type ReferralView } from '@mmn/referrals';
import { PROFILES, SYSTEMS } from '../fhir-constants';
import { splitName } from '../directory/practitioner.mapper';

const CPT = 'http://www.ama-assn.org/go/cpt';

/** Task.status for each referral status (EXPIRED: the authorization lapsed unfulfilled, so failed). */
export const TASK_STATUS: Record<ReferralStatus, Task['status']> = {
  [ReferralStatus.OPEN]: 'requested',
  [ReferralStatus.SENT]: 'requested',
  [ReferralStatus.ACCEPTED]: 'accepted',
  [ReferralStatus.DECLINED]: 'rejected',
  [ReferralStatus.IN_PROGRESS]: 'in-progress',
  [ReferralStatus.COMPLETED]: 'completed',
  [ReferralStatus.CANCELLED]: 'cancelled',
  [ReferralStatus.EXPIRED]: 'failed',
  // Care continues in the continuation referral (its own Task); this one ends without being fulfilled here.
  [ReferralStatus.TRANSFERRED]: 'cancelled',
};

/** The referral statuses a Task status search means. */
export function referralStatusesFor(taskStatus: string): ReferralStatus[] {
  return (Object.keys(TASK_STATUS) as ReferralStatus[]).filter((status) => TASK_STATUS[status] === taskStatus);
}

const BUSINESS_STATUS: Record<ReferralStatus, { code: string; display: string }> = {
  [ReferralStatus.OPEN]: { code: '2.0', display: 'Service Request Created' },
  [ReferralStatus.SENT]: { code: '2.0', display: 'Service Request Created' },
  [ReferralStatus.ACCEPTED]: { code: '3.0', display: 'Service Request Accepted' },
  [ReferralStatus.DECLINED]: { code: '4.0', display: 'Service Request Declined' },
  [ReferralStatus.IN_PROGRESS]: { code: '5.x', display: 'Service Request Fulfillment Initiated' },
  [ReferralStatus.COMPLETED]: { code: '7.0', display: 'Service Request Fulfillment Completed' },
  [ReferralStatus.CANCELLED]: { code: '6.0', display: 'Service Request Fulfillment Cancelled' },
  [ReferralStatus.EXPIRED]: { code: '6.0', display: 'Service Request Fulfillment Cancelled' },
  [ReferralStatus.TRANSFERRED]: { code: '6.0', display: 'Service Request Fulfillment Cancelled' },
};

const SERVICE_REQUEST_STATUS: Record<ReferralStatus, ServiceRequest['status']> = {
  [ReferralStatus.OPEN]: 'active',
  [ReferralStatus.SENT]: 'active',
  [ReferralStatus.ACCEPTED]: 'active',
  [ReferralStatus.DECLINED]: 'active',
  [ReferralStatus.IN_PROGRESS]: 'active',
  [ReferralStatus.COMPLETED]: 'completed',
  [ReferralStatus.CANCELLED]: 'revoked',
  [ReferralStatus.EXPIRED]: 'revoked',
  [ReferralStatus.TRANSFERRED]: 'completed',
};

function patientOf(view: ReferralView): Patient {
  const { family, given } = splitName(view.patient.fullName);
  return {
    resourceType: 'Patient',
    id: 'patient',
    name: [{ text: view.patient.fullName, family, ...(given.length ? { given } : {}) }],
    birthDate: view.patient.dateOfBirth,
    ...(view.patient.email || view.patient.phone
      ? {
          telecom: [
            ...(view.patient.email ? [{ system: 'email' as const, value: view.patient.email }] : []),
            ...(view.patient.phone ? [{ system: 'phone' as const, value: view.patient.phone }] : []),
          ],
        }
      : {}),
  };
}

const requesterOf = (view: ReferralView): Reference<Practitioner> => ({
  type: 'Practitioner',
  display: view.provider.displayName,
  ...(view.provider.npi ? { identifier: { system: SYSTEMS.npi, value: view.provider.npi } } : {}),
});

/**
 * A referral with its prescription as a BSeR referral ServiceRequest; the patient is contained. occurrence[x] is one
 * choice, so the Timing carries frequency, session length, visit count and the validity (written on to expiry).
 */
export function toServiceRequest(view: ReferralView): ServiceRequest {
  const rx = view.prescription;
  const notes: Annotation[] = [
    ...rx.precautions.map((text) => ({ text: `Precaution: ${text}` })),
    ...rx.contraindications.map((text) => ({ text: `Contraindication: ${text}` })),
    ...(rx.notes ? [{ text: rx.notes }] : []),
  ];
  return {
    resourceType: 'ServiceRequest',
    id: view.id,
    meta: { profile: [PROFILES.ServiceRequest], lastUpdated: view.updatedAt.toISOString() },
    contained: [patientOf(view)],
    status: SERVICE_REQUEST_STATUS[view.status],
    intent: 'order',
    code: { coding: [{ system: CPT, code: '97124', display: 'Massage therapy' }], text: 'Medical massage therapy' },
    subject: { reference: '#patient', display: view.patient.fullName },
    requester: requesterOf(view),
    ...(view.therapist
      ? { performer: [{ reference: `Practitioner/${view.therapist.id}`, display: view.therapist.displayName }] }
      : {}),
    reasonCode: rx.diagnoses.map((d) => ({
      coding: [{ system: SYSTEMS.icd10cm, code: d.code, display: d.description }],
    })),
    ...(rx.bodyRegions.length ? { bodySite: rx.bodyRegions.map((text) => ({ text })) } : {}),
    quantityQuantity: { value: rx.visitsAuthorized, unit: 'visits' },
    occurrenceTiming: {
      repeat: {
        boundsPeriod: { start: rx.writtenOn, end: rx.expiresOn },
        count: rx.visitsAuthorized,
        frequency: rx.visitsPerWeek,
        period: 1,
        periodUnit: 'wk',
        duration: rx.sessionMinutes,
        durationUnit: 'min',
      },
      code: { text: `${rx.visitsPerWeek} a week for ${rx.durationWeeks} weeks, ${rx.sessionMinutes} minutes each` },
    },
    authoredOn: rx.writtenOn,
    ...(rx.goals.length ? { patientInstruction: `Goals: ${rx.goals.join('; ')}` } : {}),
    ...(notes.length ? { note: notes } : {}),
  };
}

const output = (text: string, value: string): TaskOutput => ({ type: { text }, valueString: value });

/** The referral's workflow as a BSeR referral Task focused on its ServiceRequest. */
export function toTask(view: ReferralView): Task {
  const declined = [...view.events].reverse().find((e) => e.type === 'DECLINED');
  const outputs: TaskOutput[] = [
    ...view.events.filter((e) => e.type === 'PROGRESS_NOTE' && e.note).map((e) => output('Progress note', e.note!)),
    ...(view.dischargeSummary ? [output('Discharge summary', view.dischargeSummary)] : []),
  ];
  if (view.reachedMaximumMedicalImprovement !== null)
    outputs.push({
      type: { text: 'Maximum medical improvement reached' },
      valueBoolean: view.reachedMaximumMedicalImprovement,
    });
  return {
    resourceType: 'Task',
    id: view.id,
    meta: { profile: [PROFILES.Task], lastUpdated: view.updatedAt.toISOString() },
    status: TASK_STATUS[view.status],
    ...(view.status === ReferralStatus.DECLINED && declined?.note ? { statusReason: { text: declined.note } } : {}),
    businessStatus: { coding: [{ system: SYSTEMS.taskBusinessStatus, ...BUSINESS_STATUS[view.status] }] },
    intent: 'order',
    code: { coding: [{ system: SYSTEMS.taskCode, code: 'fulfill' }] },
    focus: { reference: `ServiceRequest/${view.id}` },
    authoredOn: view.createdAt.toISOString(),
    lastModified: view.updatedAt.toISOString(),
    requester: requesterOf(view),
    ...(view.therapist
      ? { owner: { reference: `Practitioner/${view.therapist.id}`, display: view.therapist.displayName } }
      : {}),
    ...(outputs.length ? { output: outputs } : {}),
  };
}
