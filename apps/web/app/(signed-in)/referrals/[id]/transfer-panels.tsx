import { Panel } from '../../../../components/referrals/action-panel';
import { ReferralForm } from '../../../../components/referrals/referral-form';
import { formatDate, plural, transferSummaryDueOn, visitsLeft } from '../../../../lib/referral-wording';
import type { ReferralView } from './queries';
import { TRANSFER_REASONS } from './referral-forms';
import * as act from './transfer-actions';

/**
 * The transfer actions the referral's state allows its reader: "Continue care in another city" on active care, the
 * transfer summary for the therapist the care left, and the patient's consent on a continuation.
 */
export function transferPanels(referral: ReferralView, role: string): React.ReactNode[] {
  const common = { hidden: { referralId: referral.id }, reloadHref: `/referrals/${referral.id}` };
  const panels: React.ReactNode[] = [];
  const live = referral.status === 'ACCEPTED' || referral.status === 'IN_PROGRESS';
  if (live && (role === 'PATIENT' || role === 'THERAPIST' || role === 'PROVIDER')) {
    const left = visitsLeft(referral);
    const who = role === 'PATIENT' ? 'You choose' : 'The patient or the prescriber chooses';
    panels.push(
      <Panel key="transfer" title="Continue care in another city">
        <p>
          When the patient or the therapist moves, this referral ends and a new one continues it at once: the same
          prescription, the {plural(left, 'visit')} still authorized and the same expiry (
          {formatDate(referral.prescription.expiresOn)}). {who} a therapist near the new city; nobody waits for new
          paperwork.
          {role === 'THERAPIST'
            ? ' You keep read access to this referral and write a short transfer summary for the next therapist.'
            : ''}
        </p>
        <ReferralForm
          id="transfer"
          action={act.startTransfer}
          submit="Continue care in another city"
          fields={[
            {
              kind: 'text',
              name: 'newCity',
              label: 'Where does care continue?',
              hint: 'A city and state or a ZIP code, for example Miami, FL or 33130.',
            },
            {
              kind: 'radio',
              name: 'reasonCode',
              label: 'Why is care moving?',
              options: [...TRANSFER_REASONS],
              defaultValue:
                role === 'THERAPIST' ? 'THERAPIST_MOVING' : role === 'PATIENT' ? 'PATIENT_MOVING' : undefined,
            },
            { kind: 'textarea', name: 'reasonText', label: 'Anything the next therapist should know', optional: true },
          ]}
          {...common}
        />
      </Panel>,
    );
  }
  if (role === 'THERAPIST' && referral.status === 'TRANSFERRED' && !referral.transferSummary) {
    const due = transferSummaryDueOn(referral.events);
    panels.push(
      <Panel key="summary" title="Write the transfer summary">
        <p>
          The patient&apos;s next therapist and the prescriber read it on the new referral
          {due ? `; you can write it until ${formatDate(due)}` : ''}. The next therapist sees it only if the patient
          shares their earlier care.
        </p>
        <ReferralForm
          id="summary"
          action={act.submitTransferSummary}
          submit="Send transfer summary"
          fields={[
            {
              kind: 'textarea',
              name: 'summary',
              label: 'Transfer summary',
              hint: "The treatment so far, the patient's response, and your recommendations for the next therapist.",
            },
          ]}
          {...common}
        />
      </Panel>,
    );
  }
  if (role === 'PATIENT' && referral.continues !== null) {
    panels.push(
      <Panel key="sharing" title="Share your earlier care">
        <p>
          {referral.historyShared
            ? `You share your earlier care with ${referral.therapist?.displayName ?? 'the therapist you choose'}${referral.soapNotesShared ? ', visit notes included' : ''}. You can stop at any time.`
            : 'You do not share your earlier care: the therapist sees the prescription only. You decide, and you can change your mind at any time.'}
        </p>
        <ReferralForm
          id="sharing"
          action={act.setHistorySharing}
          submit="Save my choice"
          fields={[
            {
              kind: 'radio',
              name: 'share',
              label: 'May the therapist of this referral see your earlier care?',
              hint: 'The transfer summary, the dates and techniques of your earlier visits, and the progress notes.',
              options: [
                { value: 'yes', label: 'Yes, share my earlier care' },
                { value: 'no', label: 'No, the prescription only' },
              ],
              defaultValue: referral.historyShared ? 'yes' : 'no',
            },
            {
              kind: 'checkbox',
              name: 'soap',
              label: 'Visit notes',
              hint: "The earlier therapist's notes of each visit (SOAP notes) are shared only if you tick this too.",
              options: [{ value: 'yes', label: 'Also share my visit notes' }],
              defaultValue: referral.soapNotesShared ? 'yes' : undefined,
            },
          ]}
          {...common}
        />
      </Panel>,
    );
  }
  return panels;
}
