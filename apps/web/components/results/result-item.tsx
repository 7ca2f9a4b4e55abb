import Link from 'next/link';
import type { SearchResult } from '../../app/(public)/search/queries';
import { profilePath } from '../../lib/paths';
import {
  distanceText,
  languageName,
  listText,
  practiceText,
  reputationText,
  verificationText,
} from '../../lib/wording';

type Hit = SearchResult['hits'][number];

export interface ResultItemProps {
  hit: Hit;
  /** Condition ids the person searched or filtered for: those are listed first. */
  matchedConditions: ReadonlySet<string>;
  matchedTechniques: ReadonlySet<string>;
}

function firstMatched<T extends { id: string; name: string }>(items: readonly T[], matched: ReadonlySet<string>): T[] {
  return [...items.filter((i) => matched.has(i.id)), ...items.filter((i) => !matched.has(i.id))];
}

/** One therapist in the results: who, how far, what is verified, what they treat, and how to go on. */
export function ResultItem({ hit, matchedConditions, matchedTechniques }: ResultItemProps) {
  const t = hit.therapist;
  const license = t.licenses.find((l) => l.verification.status === 'VERIFIED' && verificationText(l));
  const verified = t.verified && license ? verificationText(license) : null;
  const distance = distanceText(hit.distanceKm);
  const place = hit.nearestLocation;
  const networks = t.networkMemberships.filter((m) => m.verification.status === 'VERIFIED').map((m) => m.network.name);
  const conditions = firstMatched(t.conditions, matchedConditions).slice(0, 6);
  const techniques = firstMatched(t.techniques, matchedTechniques).slice(0, 4);
  const headingId = `result-${t.id}`;
  return (
    <li aria-labelledby={headingId}>
      <h2 className="font-heading-lg" id={headingId}>
        <Link href={profilePath(t)} className="usa-link">
          {t.displayName}
        </Link>
        {t.credentialLetters ? <span className="text-normal">, {t.credentialLetters}</span> : null}
      </h2>
      {verified ? (
        <p className="margin-y-05">
          <span className="usa-tag bg-green margin-right-1">Verified</span>
          {verified}
        </p>
      ) : (
        <p className="margin-y-05">
          <span className="usa-tag bg-base-dark margin-right-1">Not yet verified</span>
          We have not yet checked this therapist&apos;s license.
        </p>
      )}
      <ul className="facts">
        {distance || place ? (
          <li>
            {distance ? <strong>{distance}</strong> : null}
            {distance && place ? ' · ' : null}
            {place
              ? `${place.label ? `${place.label}, ` : ''}${place.addressLine}, ${place.city}, ${place.state}`
              : null}
          </li>
        ) : null}
        {conditions.length > 0 ? <li>Treats: {listText(conditions.map((c) => c.name))}</li> : null}
        {techniques.length > 0 ? <li>Techniques: {listText(techniques.map((x) => x.name))}</li> : null}
        {networks.length > 0 ? <li>In network with: {listText(networks)}</li> : null}
        <li>
          {t.acceptingNewPatients ? 'Accepting new patients' : 'Not accepting new patients'}
          {t.languages.length > 0 ? ` · Speaks ${listText(t.languages.map(languageName))}` : null}
        </li>
        {practiceText(t.practiceContexts, t.billsInsurance) ? (
          <li>{practiceText(t.practiceContexts, t.billsInsurance)}</li>
        ) : null}
        <li>{reputationText(t.reputation)}</li>
      </ul>
    </li>
  );
}
