import Link from 'next/link';
import type { ReferralView, TechniqueNames } from '../../app/(signed-in)/referrals/[id]/queries';
import {
  formatDate,
  formatDateTime,
  prescriberOutOfState,
  STATUS_LABELS,
  transferSummaryDueOn,
} from '../../lib/referral-wording';
import { Banner } from '../forms/fields';

type Linked = NonNullable<ReferralView['continues']>;

function LinkedLine({ linked, label }: { linked: Linked; label: string }) {
  return (
    <p>
      {label}{' '}
      <Link className="usa-link" href={`/referrals/${linked.id}`}>
        {linked.therapist ? `the referral to ${linked.therapist.displayName}` : 'the continuing referral'}
      </Link>{' '}
      ({STATUS_LABELS[linked.status]}).
    </p>
  );
}

function SummaryText({ summary, due, who }: { summary: string | null | undefined; due: string | null; who: string }) {
  if (summary) return <p className="break-words">{summary}</p>;
  return (
    <p>
      Not written yet: {who} can write it{due ? ` until ${formatDate(due)}` : ' within 30 days of the transfer'}.
    </p>
  );
}

/** The earlier care a continuation carries, as the patient consented to share it with this reader. */
function EarlierCare({ referral, techniques }: { referral: ReferralView; techniques: TechniqueNames }) {
  const care = referral.earlierCare;
  if (!care) {
    return (
      <p>
        The patient has not shared their earlier care with you: you see the prescription only. The patient can share it
        from their own page.
      </p>
    );
  }
  const name = (id: string) => techniques.find((t) => t.id === id)?.name ?? id;
  return (
    <>
      <h3>Transfer summary</h3>
      <SummaryText
        summary={care.transferSummary}
        due={referral.continues ? transferSummaryDueOn(referral.continues.events) : null}
        who="the earlier therapist"
      />
      <h3>Earlier visits</h3>
      {care.visits.length === 0 ? (
        <p>No visits before the transfer.</p>
      ) : (
        <ol className="usa-list" data-testid="earlier-visits">
          {care.visits.map((visit) => (
            <li key={visit.id}>
              {formatDate(visit.occurredOn)}, {visit.minutes} minutes
              {visit.techniqueIds.length ? ` (${visit.techniqueIds.map(name).join(', ')})` : ''}
              {visit.soapNote ? <span className="display-block break-words">{visit.soapNote}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <h3>Earlier progress notes</h3>
      {care.progressNotes.length === 0 ? (
        <p>No progress notes before the transfer.</p>
      ) : (
        <ul className="usa-list" data-testid="earlier-notes">
          {care.progressNotes.map((note, i) => (
            <li key={i}>
              {formatDateTime(note.at)}: <span className="break-words">{note.note}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Both sides of a transfer: where care went or came from, the transfer summary, and the consented earlier care. */
export function TransferDetails({
  referral,
  techniques,
  role,
}: {
  referral: ReferralView;
  techniques: TechniqueNames;
  role: string;
}) {
  const transferred = referral.status === 'TRANSFERRED';
  const continuation = referral.continues !== null || referral.events.some((e) => e.type === 'CONTINUATION_CREATED');
  if (!transferred && !continuation) return null;
  const outOfState =
    continuation && referral.therapist
      ? prescriberOutOfState(
          referral.provider.locations.map((l) => l.state),
          referral.therapist.locations.map((l) => l.state),
        )
      : null;
  return (
    <section aria-labelledby="transfer-heading" className="transfer-details">
      <h2 id="transfer-heading">{transferred ? 'Care moved to another city' : 'Care continued from another city'}</h2>
      {transferred ? (
        referral.continuedBy ? (
          <LinkedLine linked={referral.continuedBy} label="Care continues in" />
        ) : (
          <p>Care continues with another therapist. You keep read access to this referral.</p>
        )
      ) : referral.continues ? (
        <LinkedLine linked={referral.continues} label="This referral continues" />
      ) : null}
      {outOfState ? (
        <Banner kind="info" heading="The prescriber practises in another state">
          The prescriber practises in {outOfState}. Some payers and states want a prescription from a prescriber where
          you are treated: check with the patient&apos;s insurer. The prescriber can renew or cancel this referral.
        </Banner>
      ) : null}
      {transferred ? (
        <>
          <h3>Transfer summary</h3>
          <SummaryText
            summary={referral.transferSummary}
            due={transferSummaryDueOn(referral.events)}
            who={role === 'THERAPIST' ? 'you' : 'the therapist'}
          />
        </>
      ) : (
        <EarlierCare referral={referral} techniques={techniques} />
      )}
    </section>
  );
}
