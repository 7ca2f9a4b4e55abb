import { Panel } from '../../../../components/referrals/action-panel';
import { type ReferralField, ReferralForm } from '../../../../components/referrals/referral-form';
import { addDays, continuationCity, todayIso } from '../../../../lib/referral-wording';
import * as act from './actions';
import { ChooseTherapist } from './choose-therapist';
import type { ReferralView, TechniqueNames } from './queries';
import { DECLINE_REASONS } from './referral-forms';
import { transferPanels } from './transfer-panels';

/** The actions the referral's state allows its reader: nothing is offered that the API would refuse. */
export function ReferralActions({
  referral,
  techniques,
  role,
  declinedTherapistIds,
}: {
  referral: ReferralView;
  techniques: TechniqueNames;
  role: string;
  declinedTherapistIds: string[];
}) {
  const id = referral.id;
  const status = referral.status;
  const hidden = { referralId: id };
  const reloadHref = `/referrals/${id}`;
  const common = { hidden, reloadHref };
  const live = status === 'ACCEPTED' || status === 'IN_PROGRESS';
  const final = ['COMPLETED', 'CANCELLED', 'EXPIRED', 'TRANSFERRED'].includes(status);
  const panels: React.ReactNode[] = [];
  if (role === 'THERAPIST' && status === 'SENT') {
    panels.push(
      <Panel key="accept" title="Accept or decline">
        <ReferralForm id="accept" action={act.accept} submit="Accept referral" {...common} />
        <ReferralForm
          id="decline"
          action={act.decline}
          submit="Decline referral"
          secondary
          fields={[
            { kind: 'select', name: 'reasonCode', label: 'Why are you declining?', options: [...DECLINE_REASONS] },
            { kind: 'textarea', name: 'reasonText', label: 'More about the reason', optional: true },
          ]}
          {...common}
        />
      </Panel>,
    );
  }
  if (role === 'THERAPIST' && live) {
    const visitFields: ReferralField[] = [
      { kind: 'date', name: 'occurredOn', label: 'Date of the visit', defaultValue: todayIso() },
      { kind: 'number', name: 'minutes', label: 'Minutes', defaultValue: String(referral.prescription.sessionMinutes) },
      {
        kind: 'checkbox',
        name: 'techniqueIds',
        label: 'Techniques used',
        options: techniques.map((t) => ({ value: t.id, label: t.name })),
      },
      { kind: 'textarea', name: 'subjective', label: 'Subjective', hint: 'What the patient reports.', optional: true },
      { kind: 'textarea', name: 'objective', label: 'Objective', hint: 'What you found and did.', optional: true },
      { kind: 'textarea', name: 'assessment', label: 'Assessment', optional: true },
      { kind: 'textarea', name: 'plan', label: 'Plan', optional: true },
    ];
    panels.push(
      <Panel key="visit" title="Record a visit">
        <ReferralForm id="visit" action={act.recordVisit} submit="Record visit" fields={visitFields} {...common} />
      </Panel>,
      <Panel key="note" title="Send a progress note">
        <p>The prescriber sees it on the timeline. Ask for a renewal here when more visits are needed.</p>
        <ReferralForm
          id="note"
          action={act.progressNote}
          submit="Send progress note"
          fields={[{ kind: 'textarea', name: 'note', label: 'Progress note' }]}
          {...common}
        />
      </Panel>,
    );
    if (status === 'IN_PROGRESS')
      panels.push(
        <Panel key="complete" title="Complete and discharge">
          <ReferralForm
            id="complete"
            action={act.complete}
            submit="Complete referral"
            fields={[
              { kind: 'textarea', name: 'dischargeSummary', label: 'Discharge summary' },
              {
                kind: 'radio',
                name: 'mmi',
                label: 'Was maximum medical improvement reached?',
                options: [
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ],
              },
            ]}
            {...common}
          />
        </Panel>,
      );
  }
  if (role === 'PROVIDER' && live)
    panels.push(
      <Panel key="renew" title="Renew">
        <ReferralForm
          id="renew"
          action={act.renew}
          submit="Renew referral"
          fields={[
            { kind: 'number', name: 'additionalVisits', label: 'Visits to add', defaultValue: '4' },
            {
              kind: 'date',
              name: 'newExpiresOn',
              label: 'New expiry date (optional)',
              defaultValue: addDays(referral.prescription.expiresOn, 30),
            },
          ]}
          {...common}
        />
      </Panel>,
    );
  if ((role === 'PROVIDER' || role === 'PATIENT') && (status === 'OPEN' || status === 'DECLINED'))
    panels.push(
      <Panel key="choose" title={status === 'DECLINED' ? 'Choose a new therapist' : 'Choose a therapist'}>
        <ChooseTherapist
          referralId={id}
          excludeIds={declinedTherapistIds}
          near={continuationCity(referral.events) ?? undefined}
        />
      </Panel>,
    );
  if (role === 'PROVIDER' && status === 'COMPLETED' && referral.therapist)
    panels.push(
      <Panel key="endorse" title="Endorse the therapist">
        <p>An endorsement appears on {referral.therapist.displayName}&apos;s public profile.</p>
        <ReferralForm
          id="endorse"
          action={act.endorse}
          submit="Endorse"
          fields={[{ kind: 'textarea', name: 'note', label: 'A few words for the profile', optional: true }]}
          {...common}
          hidden={{ ...hidden, therapistId: referral.therapist.id }}
        />
      </Panel>,
    );
  // Moving care elsewhere before ending it: cancelling stays the last choice on the page.
  panels.push(...transferPanels(referral, role));
  if ((role === 'PROVIDER' || role === 'PATIENT') && !final)
    panels.push(
      <Panel key="cancel" title="Cancel the referral">
        <ReferralForm
          id="cancel"
          action={act.cancel}
          submit="Cancel referral"
          secondary
          fields={[{ kind: 'textarea', name: 'reason', label: 'Reason for cancelling' }]}
          {...common}
        />
      </Panel>,
    );
  return <>{panels}</>;
}
