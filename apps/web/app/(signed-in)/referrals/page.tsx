import type { Metadata } from 'next';
import Link from 'next/link';
import { WorklistTable } from '../../../components/referrals/worklist-table';
import { WorklistTiles } from '../../../components/referrals/worklist-tiles';
import { requireSession } from '../../../lib/session';
import { loadTiles, loadWorklist, tileOf } from './queries';

export const metadata: Metadata = { title: 'Referrals' };

type Props = { searchParams: Promise<{ show?: string; after?: string }> };

const HEADINGS: Record<string, string> = {
  PROVIDER: 'Your referrals',
  THERAPIST: 'Referral inbox',
  PATIENT: 'My referrals',
};

/** The worklist: a prescriber's sent referrals, a therapist's inbox, a patient's claimed referrals. */
export default async function ReferralsPage({ searchParams }: Props) {
  const { show, after } = await searchParams;
  const tile = tileOf(show);
  const query = new URLSearchParams({ ...(tile ? { show: tile } : {}), ...(after ? { after } : {}) }).toString();
  const session = await requireSession(`/referrals${query ? `?${query}` : ''}`);
  const role = session.user.role;
  const [tiles, list] = await Promise.all([loadTiles(session), loadWorklist(session, tile, after)]);
  return (
    <>
      <h1>{HEADINGS[role] ?? 'Referrals'}</h1>
      {role === 'PROVIDER' ? (
        <p>
          <Link className="usa-button" href="/referrals/new">
            Write a new referral
          </Link>
        </p>
      ) : null}
      {role === 'PATIENT' ? (
        <p>
          Have a referral code from your prescriber?{' '}
          <Link className="usa-link" href="/claim">
            Claim your referral
          </Link>
        </p>
      ) : null}
      <WorklistTiles role={role} counts={tiles.counts} current={tile} />
      <WorklistTable role={role} rows={list.rows} tile={tile} totalCount={list.totalCount} endCursor={list.endCursor} />
    </>
  );
}
