import {
  PendingCredentialsDocument,
  type PendingCredentialsQuery,
  PendingProviderVerificationsDocument,
} from '@mmn/api-client';
import type { Session } from '../../../../lib/session';
import { boardOf, NCBTMB_DIRECTORY } from '../../../../lib/state-boards';
import { stateName } from '../../../../lib/wording';

type Pending = PendingCredentialsQuery['pendingCredentials'][number];

/** One credential of the queue as the page shows it: what it is, and where to check it. */
export interface QueueCredential {
  credentialId: string;
  kind: Pending['kind'];
  submittedAt: string;
  therapist: { id: string; displayName: string };
  title: string;
  facts: string[];
  check: { text: string; href: string | null };
}

function describe(row: Pending): QueueCredential {
  const t = row.therapist;
  const base = { credentialId: row.credentialId, kind: row.kind, submittedAt: row.submittedAt, therapist: t };
  if (row.kind === 'LICENSE') {
    const license = t.licenses.find((l) => l.id === row.credentialId);
    const state = license?.state ?? '';
    const board = boardOf(state);
    const where = t.locations.filter((l) => l.state === state).map((l) => l.city);
    return {
      ...base,
      title: `${stateName(state)} massage therapy license ${license?.licenseNumber ?? ''}`.trim(),
      facts: [
        license?.issuedOn ? `Issued ${license.issuedOn}` : 'Date of issue not given',
        license ? `Expires ${license.expiresOn}` : '',
        where.length ? `Would license their locations in ${where.join(', ')}` : `No practice location in ${state} yet`,
      ].filter(Boolean),
      check: board?.board
        ? { text: `${board.board} license look-up`, href: board.lookupUrl }
        : {
            text: `${stateName(state)} has no state license law for massage therapists: ${board?.note ?? ''}`,
            href: null,
          },
    };
  }
  if (row.kind === 'CERTIFICATION') {
    const c = t.certifications.find((x) => x.id === row.credentialId);
    const ncbtmb = /ncbtmb|board certif/i.test(`${c?.issuer ?? ''} ${c?.name ?? ''}`);
    return {
      ...base,
      title: `${c?.name ?? 'Certification'}${c ? `, issued by ${c.issuer}` : ''}`,
      facts: [
        c?.issuedOn ? `Issued ${c.issuedOn}` : '',
        c?.expiresOn ? `Expires ${c.expiresOn}` : 'No expiry date',
      ].filter(Boolean),
      check: ncbtmb
        ? { text: "NCBTMB's directory of board-certified massage therapists", href: NCBTMB_DIRECTORY }
        : { text: `The issuer (${c?.issuer ?? 'unknown'}): ask for its certificate look-up or a letter`, href: null },
    };
  }
  const m = t.networkMemberships.find((x) => x.id === row.credentialId);
  return {
    ...base,
    title: `${m?.network.name ?? 'Network'} membership`,
    facts: [m ? `From ${m.effectiveFrom}` : '', m?.effectiveTo ? `Until ${m.effectiveTo}` : 'No end date'].filter(
      Boolean,
    ),
    check: { text: `${m?.network.name ?? 'The network'}'s provider directory or credentialing contact`, href: null },
  };
}

/** The verification queue, oldest first: credentials and prescriber NPIs. */
export async function loadQueue(session: Session) {
  const [credentials, providers] = await Promise.all([
    session.call(PendingCredentialsDocument, { first: 200 }),
    session.call(PendingProviderVerificationsDocument, { first: 200 }),
  ]);
  return {
    credentials: credentials.pendingCredentials.map(describe),
    providers: providers.pendingProviderVerifications,
  };
}
