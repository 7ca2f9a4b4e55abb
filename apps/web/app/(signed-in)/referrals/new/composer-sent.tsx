import Link from 'next/link';
import { Banner } from '../../../../components/forms/fields';
import { openHandout } from './actions';

/** After sending: the access code, shown this once (it is never stored), and the printable hand-out. */
export function ComposerSent({ created }: { created: { id: string; accessCode: string } }) {
  return (
    <section aria-labelledby="sent-heading">
      <h2 id="sent-heading">Referral sent</h2>
      <Banner kind="warning" heading="Give this code to the patient now">
        The code is shown only on this page and is never stored. Once you leave this page it cannot be shown again;
        print the hand-out or write the code down for the patient.
      </Banner>
      <p>Access code for the patient:</p>
      <p className="access-code" data-testid="access-code">
        {created.accessCode}
      </p>
      <p>The patient claims the referral at /claim with this code and their date of birth.</p>
      <form action={openHandout} target="_self">
        <input type="hidden" name="referralId" value={created.id} />
        <input type="hidden" name="accessCode" value={created.accessCode} />
        <button className="usa-button" type="submit">
          Open the printable hand-out
        </button>
      </form>
      <p>
        <Link className="usa-link" href={`/referrals/${created.id}`}>
          Go to the referral
        </Link>
      </p>
    </section>
  );
}
