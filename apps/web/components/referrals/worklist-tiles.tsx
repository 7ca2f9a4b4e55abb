import Link from 'next/link';
import type { TileKey } from '../../app/(signed-in)/referrals/queries';

const LABELS: Record<string, Record<TileKey, string>> = {
  PROVIDER: {
    awaiting: 'Awaiting the therapist',
    declined: 'Declined: needs a new therapist',
    active: 'Active',
    renewal: 'Nearly out of visits or expiring within 14 days',
    completed: 'Completed',
    closed: 'Cancelled or expired',
  },
  THERAPIST: {
    awaiting: 'New: sent to you',
    declined: 'Declined',
    active: 'Active',
    renewal: 'One visit left or expiring within 14 days',
    completed: 'Completed',
    closed: 'Cancelled or expired',
  },
  PATIENT: {
    awaiting: 'Waiting for a therapist',
    declined: 'Declined: choose another therapist',
    active: 'In treatment',
    renewal: 'Nearly out of visits or expiring soon',
    completed: 'Completed',
    closed: 'Cancelled or expired',
  },
};

const ORDER: TileKey[] = ['awaiting', 'declined', 'active', 'renewal', 'completed', 'closed'];

/** Counts of what needs attention; each tile filters the list below (a link, so it works without JavaScript). */
export function WorklistTiles({
  role,
  counts,
  current,
}: {
  role: string;
  counts: Record<TileKey, number>;
  current: TileKey | null;
}) {
  const labels = LABELS[role] ?? LABELS.PROVIDER;
  return (
    <nav aria-label="Filter by status">
      <ul className="worklist-tiles">
        <li>
          <Link href="/referrals" className="worklist-tile" aria-current={current === null ? 'page' : undefined}>
            <span className="worklist-tile__label">All referrals</span>
          </Link>
        </li>
        {ORDER.map((key) => (
          <li key={key}>
            <Link
              href={`/referrals?show=${key}`}
              className="worklist-tile"
              aria-current={current === key ? 'page' : undefined}
              data-testid={`tile-${key}`}
            >
              <span className="worklist-tile__count">{counts[key]}</span>
              <span className="worklist-tile__label">{labels[key]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function tileLabel(role: string, key: TileKey): string {
  return (LABELS[role] ?? LABELS.PROVIDER)[key];
}
