'use client';

import { useActionState } from 'react';
import { FormStatus, TextField } from '../../../../components/forms/fields';
import { idleState } from '../../../../lib/forms';
import { type ChoiceSearchState, chooseTherapist, searchForChoice } from './actions';

/** For an open or declined referral: search near a city, then "Choose this therapist" sends it to them. */
export function ChooseTherapist({
  referralId,
  excludeIds,
  near,
}: {
  referralId: string;
  excludeIds: string[];
  /** A continuation suggests its new city. */
  near?: string;
}) {
  const [search, searchAction, searching] = useActionState(searchForChoice, {
    ...idleState(),
    therapists: [],
  } as ChoiceSearchState);
  const [choice, chooseAction, choosing] = useActionState(chooseTherapist, idleState());
  const results = search.therapists.filter((t) => !excludeIds.includes(t.id));
  return (
    <>
      <form className="usa-form usa-form--large" action={searchAction} noValidate>
        <FormStatus status={search.status === 'error' ? 'error' : 'idle'} message={search.message} />
        <input type="hidden" name="referralId" value={referralId} />
        <TextField
          id="choose-near"
          name="near"
          label="City or ZIP code"
          hint="For example Miami, FL or 33130."
          defaultValue={search.values.near ?? near}
          error={search.fieldErrors.near}
        />
        <button className="usa-button usa-button--outline margin-top-2" type="submit" disabled={searching}>
          Search therapists
        </button>
      </form>
      <FormStatus
        status={choice.status}
        message={choice.message}
        stale={choice.stale}
        reloadHref={`/referrals/${referralId}`}
      />
      <div role="status">
        {search.searched ? (
          <p>
            {results.length
              ? `${results.length} verified therapist${results.length === 1 ? '' : 's'} accepting new patients near ${search.searched}.`
              : `No verified therapist accepting new patients near ${search.searched}. Try a nearby city.`}
          </p>
        ) : null}
      </div>
      {results.length ? (
        <ul className="result-list" aria-label="Therapists to choose from">
          {results.map((t) => (
            <li key={t.id}>
              <h3 className="margin-0">{t.name}</h3>
              <p className="margin-y-05">{t.where}</p>
              <p className="margin-y-05">{t.reputation}</p>
              {/* One small form per therapist: a plain post without JavaScript. */}
              <form action={chooseAction}>
                <input type="hidden" name="referralId" value={referralId} />
                <input type="hidden" name="therapistId" value={t.id} />
                <button
                  className="usa-button"
                  type="submit"
                  disabled={choosing}
                  aria-label={`Choose this therapist: ${t.name}`}
                  data-therapist-id={t.id}
                >
                  Choose this therapist
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
