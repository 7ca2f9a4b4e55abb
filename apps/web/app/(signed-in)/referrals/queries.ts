import {
  ReferralAllowancesDocument,
  ReferralCountDocument,
  type ReferralStatus,
  ReferralWorklistDocument,
} from '@mmn/api-client';
import { needsRenewal } from '../../../lib/referral-wording';
import type { Session } from '../../../lib/session';

export type TileKey = 'awaiting' | 'declined' | 'active' | 'renewal' | 'completed' | 'closed';

export const TILE_STATUSES: Record<Exclude<TileKey, 'renewal'>, ReferralStatus[]> = {
  awaiting: ['OPEN', 'SENT'],
  declined: ['DECLINED'],
  active: ['ACCEPTED', 'IN_PROGRESS'],
  completed: ['COMPLETED'],
  closed: ['CANCELLED', 'EXPIRED', 'TRANSFERRED'],
};

export function tileOf(value: string | undefined): TileKey | null {
  return value && (value === 'renewal' || value in TILE_STATUSES) ? (value as TileKey) : null;
}

export const PAGE_SIZE = 25;

/** The counts on the tiles; "needs renewal" is worked out from the active referrals (one visit or 14 days left). */
export async function loadTiles(session: Session): Promise<{ counts: Record<TileKey, number> }> {
  const keys = ['awaiting', 'declined', 'completed', 'closed'] as const;
  const [active, ...counts] = await Promise.all([
    session.call(ReferralAllowancesDocument, { filter: { status: TILE_STATUSES.active }, first: 100 }),
    ...keys.map((key) => session.call(ReferralCountDocument, { filter: { status: TILE_STATUSES[key] } })),
  ]);
  const count = (key: (typeof keys)[number]) => counts[keys.indexOf(key)].referrals.totalCount;
  return {
    counts: {
      awaiting: count('awaiting'),
      declined: count('declined'),
      active: active.referrals.totalCount,
      renewal: active.referrals.edges.filter((edge) => needsRenewal(edge.node)).length,
      completed: count('completed'),
      closed: count('closed'),
    },
  };
}

/** One page of the list, newest first, for a tile (or everything). */
export async function loadWorklist(session: Session, tile: TileKey | null, after: string | undefined) {
  const statuses = tile === 'renewal' ? TILE_STATUSES.active : tile ? TILE_STATUSES[tile] : undefined;
  const { referrals } = await session.call(ReferralWorklistDocument, {
    filter: statuses ? { status: statuses } : null,
    first: tile === 'renewal' ? 100 : PAGE_SIZE,
    after: tile === 'renewal' ? null : (after ?? null),
  });
  const rows = referrals.edges.map((edge) => edge.node);
  return {
    rows: tile === 'renewal' ? rows.filter((row) => needsRenewal(row)) : rows,
    totalCount: referrals.totalCount,
    endCursor: tile === 'renewal' ? null : referrals.pageInfo.hasNextPage ? referrals.pageInfo.endCursor : null,
  };
}
