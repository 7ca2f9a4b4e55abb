import type { Metadata } from 'next';
import { NotFoundContent } from '../../../../components/not-found-content';
import { answerNotFound, NOT_FOUND_METADATA } from '../../../../lib/metadata';
import Link from 'next/link';
import { hostContext } from '../../../../lib/host';
import { cityPath, statePath } from '../../../../lib/paths';
import { plural, stateName } from '../../../../lib/wording';
import { citiesOf, stateOf } from '../queries';

type Props = { params: Promise<{ state: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = stateOf((await params).state);
  if (!state) return NOT_FOUND_METADATA;
  const { publicUrl } = await hostContext();
  return {
    title: `Medical massage therapists in ${stateName(state)}`,
    description: `Cities in ${stateName(state)} with verified medical massage therapists.`,
    alternates: { canonical: `${publicUrl}${statePath(state)}` },
  };
}

export default async function StatePage({ params }: Props) {
  const state = stateOf((await params).state);
  if (!state) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const cities = [...(await citiesOf(state))].sort((a, b) => a.city.localeCompare(b.city));
  return (
    <>
      <nav className="usa-breadcrumb margin-top-2" aria-label="Breadcrumbs">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link href="/medical-massage" className="usa-breadcrumb__link">
              States
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {stateName(state)}
          </li>
        </ol>
      </nav>
      <h1>Medical massage therapists in {stateName(state)}</h1>
      {cities.length === 0 ? (
        <p>
          We have no verified therapists in {stateName(state)} yet.{' '}
          <Link className="usa-link" href="/medical-massage">
            See other states
          </Link>
          .
        </p>
      ) : (
        <ul className="usa-list">
          {cities.map((c) => (
            <li key={c.city}>
              <Link className="usa-link" href={cityPath(c.city, c.state)}>
                {c.city}
              </Link>{' '}
              ({plural(c.therapistCount, 'verified therapist')})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
