import type { ReferralView, TechniqueNames } from '../../app/(signed-in)/referrals/[id]/queries';
import { Banner } from '../forms/fields';
import { daysUntil, expiryWording, formatDate, needsRenewal, plural, visitsLeft } from '../../lib/referral-wording';
import { StatusTag } from './status-tag';

/** Status, the allowance always in view (visits left, expiry) with its warning, and the prescription. */
export function ReferralSummary({
  referral,
  techniques,
  role,
}: {
  referral: ReferralView;
  techniques: TechniqueNames;
  role: string;
}) {
  const p = referral.prescription;
  const left = visitsLeft(referral);
  const warn = (referral.status === 'ACCEPTED' || referral.status === 'IN_PROGRESS') && needsRenewal(referral);
  const names = p.requestedTechniqueIds.map((id) => techniques.find((t) => t.id === id)?.name ?? id);
  const rows: [string, string][] = [
    ['Patient', `${referral.patient.fullName}, born ${formatDate(referral.patient.dateOfBirth)}`],
    [
      'Prescriber',
      `${referral.provider.displayName}${referral.provider.organization ? `, ${referral.provider.organization}` : ''}`,
    ],
    ['Therapist', referral.therapist?.displayName ?? 'Not chosen yet'],
    ['Diagnoses', p.diagnoses.map((d) => `${d.code} ${d.description}`).join('; ')],
    ['Body regions', p.bodyRegions.join(', ')],
    [
      'Frequency',
      `${p.visitsPerWeek} a week for ${plural(p.durationWeeks, 'week')}, ${p.sessionMinutes}-minute sessions`,
    ],
    ['Goals', p.goals.join('; ')],
    ['Precautions', p.precautions.join('; ') || 'None'],
    ['Contraindications', p.contraindications.join('; ') || 'None'],
    ['Techniques requested', names.join(', ') || 'Therapist’s choice'],
    ['Notes', p.notes ?? 'None'],
    ['Written', formatDate(p.writtenOn)],
  ];
  if (referral.patient.email || referral.patient.phone)
    rows.splice(1, 0, ['Contact', [referral.patient.email, referral.patient.phone].filter(Boolean).join(', ')]);
  return (
    <>
      <p>
        <StatusTag status={referral.status} />
      </p>
      {referral.status === 'TRANSFERRED' ? (
        <div className="allowance" aria-label="Visits and expiry">
          <p className="allowance__figure">
            <strong>{plural(left, 'visit')} moved</strong> to the continuing referral ({referral.visitsUsed} of{' '}
            {p.visitsAuthorized} used here)
          </p>
        </div>
      ) : (
        <div className="allowance" aria-label="Visits and expiry">
          <p className="allowance__figure">
            <strong>{plural(left, 'visit')} left</strong> of {p.visitsAuthorized} authorized ({referral.visitsUsed}{' '}
            used)
          </p>
          <p className="allowance__figure">
            <strong>{expiryWording(p.expiresOn)}</strong>
          </p>
        </div>
      )}
      {warn ? (
        <Banner kind="warning" heading={left <= 1 ? `${plural(left, 'visit')} left` : 'The referral expires soon'}>
          {left <= 1
            ? 'This referral is nearly out of visits'
            : `It expires in ${plural(daysUntil(p.expiresOn), 'day')}`}
          .{' '}
          {role === 'THERAPIST'
            ? `Ask the prescriber, ${referral.provider.displayName}, for a renewal: send a progress note below saying what more is needed.`
            : role === 'PROVIDER'
              ? 'Renew it below if treatment should continue.'
              : 'Your therapist can ask your prescriber for a renewal.'}
        </Banner>
      ) : null}
      <h2>Prescription</h2>
      <dl className="review-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
