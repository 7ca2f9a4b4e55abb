import Link from 'next/link';
import { SearchForm } from '../../components/search-form';
import { vocabulary } from '../../lib/vocabulary';

export default async function HomePage() {
  const vocab = await vocabulary();
  const suggestions = vocab.conditions.flatMap((c) => [c.name, ...c.synonyms]);
  const examples = ['frozen shoulder', 'lymphedema', 'low back pain', 'carpal tunnel'];
  return (
    <>
      <section className="usa-section padding-bottom-2" aria-labelledby="page-heading">
        <h1 id="page-heading" className="margin-top-0">
          Find a verified medical massage therapist near you
        </h1>
        <p className="usa-intro">
          Therapists whose state license we have checked, who work with doctors and take referrals.
        </p>
        <SearchForm q="" near="" suggestions={suggestions} />
        <p className="margin-top-2">
          For example:{' '}
          {examples.map((example, i) => (
            <span key={example}>
              {i > 0 ? ', ' : null}
              <Link className="usa-link" href={`/search?q=${encodeURIComponent(example)}`}>
                {example}
              </Link>
            </span>
          ))}
        </p>
      </section>
      <div className="grid-row grid-gap-lg">
        <section className="tablet:grid-col-6" aria-labelledby="what-is-medical-massage">
          <h2 id="what-is-medical-massage">Medical massage is not a spa treatment</h2>
          <p>
            <strong>Medical massage</strong> is prescribed by a doctor, physical therapist or other provider for a
            diagnosed condition, such as a frozen shoulder, lymphedema after cancer treatment, or an injury from a car
            accident. The therapist follows the prescription, documents every visit and reports progress back to your
            provider. Because it is medically necessary, it is often paid by health insurance, auto insurance or
            workers&apos; compensation.
          </p>
          <p>
            <strong>Wellness massage</strong> is for relaxation and general well-being. It needs no prescription and is
            usually paid out of pocket.
          </p>
        </section>
        <section className="tablet:grid-col-6" aria-labelledby="what-verified-means">
          <h2 id="what-verified-means">What “verified” means here</h2>
          <p>
            A therapist is <strong>verified</strong> when our staff have checked their massage therapy license against
            the state board where they practise, and the license has not expired. Each profile says which board, and on
            what date.
          </p>
          <p>
            Insurance networks are listed only when we have confirmed the membership. Reputation comes from the network
            itself: how many local providers referred patients, completed referrals and endorsements by prescribers.
          </p>
        </section>
      </div>
      <section aria-labelledby="how-referrals-work" className="margin-top-4">
        <h2 id="how-referrals-work">How a referral works</h2>
        <ol className="usa-process-list">
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">Your provider writes a prescription</h3>
            <p>They send it through the network, to a therapist you chose or for you to choose.</p>
          </li>
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">You get an access code</h3>
            <p>With it and your date of birth you can follow your referral and pick a therapist.</p>
          </li>
          <li className="usa-process-list__item">
            <h3 className="usa-process-list__heading">The therapist treats and reports back</h3>
            <p>Visits are recorded against the prescription, and your provider sees the progress.</p>
          </li>
        </ol>
        <p>
          Prescribers: find a therapist here and open their profile to send a referral.{' '}
          <Link className="usa-link" href="/medical-massage">
            Browse therapists by state
          </Link>
          .
        </p>
      </section>
    </>
  );
}
