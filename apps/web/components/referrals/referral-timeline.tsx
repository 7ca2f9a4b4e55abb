import type { ReferralView, TechniqueNames } from '../../app/(signed-in)/referrals/[id]/queries';
import { soapPartsOf } from '../../app/(signed-in)/referrals/[id]/referral-forms';
import { eventLabel, formatDate, formatDateTime, transferSummaryDueOn } from '../../lib/referral-wording';

const ACTORS: Record<string, string> = {
  PROVIDER: 'prescriber',
  THERAPIST: 'therapist',
  PATIENT: 'patient',
  ADMIN: 'the network',
};

/** The timeline (oldest first), the visits with their SOAP notes, progress notes and the discharge summary. */
export function ReferralTimeline({ referral, techniques }: { referral: ReferralView; techniques: TechniqueNames }) {
  const notes = referral.events.filter((e) => e.type === 'PROGRESS_NOTE');
  const due = transferSummaryDueOn(referral.events);
  return (
    <>
      <h2>Timeline</h2>
      <ol className="usa-process-list timeline" data-testid="timeline">
        {referral.events.map((event, i) => (
          <li className="usa-process-list__item" key={i}>
            <p className="usa-process-list__heading">{eventLabel(event.type)}</p>
            <p className="margin-top-05">
              {formatDateTime(event.at)}, by the {ACTORS[event.actorRole] ?? event.actorRole.toLowerCase()}
              {event.note ? (
                <>
                  : <span className="break-words">{event.note}</span>
                </>
              ) : null}
            </p>
          </li>
        ))}
        {referral.status === 'TRANSFERRED' && !referral.transferSummary ? (
          <li className="usa-process-list__item">
            <p className="usa-process-list__heading">Transfer summary: not written yet</p>
            <p className="margin-top-05">
              The therapist writes it for the next therapist
              {due ? `, by ${formatDate(due)}` : ', within 30 days of the transfer'}.
            </p>
          </li>
        ) : null}
      </ol>
      <h2>Visits</h2>
      {referral.visits.length === 0 ? (
        <p>No visits recorded yet.</p>
      ) : (
        <ol className="usa-list visit-list" data-testid="visits">
          {referral.visits.map((visit) => (
            <li key={visit.id}>
              <strong>
                {formatDate(visit.occurredOn)}, {visit.minutes} minutes
              </strong>
              {visit.techniqueIds.length ? (
                <> ({visit.techniqueIds.map((id) => techniques.find((t) => t.id === id)?.name ?? id).join(', ')})</>
              ) : null}
              {soapPartsOf(visit.soapNote).length ? (
                <dl className="soap">
                  {soapPartsOf(visit.soapNote).map((part, i) => (
                    <div key={i}>
                      <dt>{part.label}</dt>
                      <dd className="break-words">{part.text}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <h2>Progress notes</h2>
      {notes.length === 0 ? (
        <p>No progress notes yet.</p>
      ) : (
        <ul className="usa-list" data-testid="progress-notes">
          {notes.map((note, i) => (
            <li key={i}>
              {formatDateTime(note.at)}: <span className="break-words">{note.note}</span>
            </li>
          ))}
        </ul>
      )}
      {referral.dischargeSummary ? (
        <>
          <h2>Discharge summary</h2>
          <p className="break-words">{referral.dischargeSummary}</p>
          <p>
            Maximum medical improvement {referral.reachedMaximumMedicalImprovement ? 'was reached' : 'was not reached'}.
          </p>
        </>
      ) : null}
    </>
  );
}
