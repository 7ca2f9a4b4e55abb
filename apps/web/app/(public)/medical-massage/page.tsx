import type { Metadata } from 'next';
import Link from 'next/link';
import { statePath } from '../../../lib/paths';
import { plural, stateName } from '../../../lib/wording';
import { citiesOf } from './queries';

export const metadata: Metadata = {
  title: 'Medical massage therapists by state',
  description: 'Browse verified medical massage therapists by state and city.',
};

export default async function StatesPage() {
  const byState = new Map<string, number>();
  for (const c of await citiesOf()) byState.set(c.state, (byState.get(c.state) ?? 0) + c.therapistCount);
  const states = [...byState.entries()].sort((a, b) => stateName(a[0]).localeCompare(stateName(b[0])));
  return (
    <>
      <h1 className="margin-top-4">Medical massage therapists by state</h1>
      <ul className="usa-list">
        {states.map(([state, count]) => (
          <li key={state}>
            <Link className="usa-link" href={statePath(state)}>
              {stateName(state)}
            </Link>{' '}
            ({plural(count, 'verified therapist')})
          </li>
        ))}
      </ul>
    </>
  );
}
