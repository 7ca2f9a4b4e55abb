'use client';

import { useActionState } from 'react';
import { FormStatus } from '../../../../components/forms/fields';
import { type ComposerState, composeReferral } from './actions';
import { ComposerFields, type Vocabulary } from './composer-fields';
import { ComposerReview } from './composer-review';
import { ComposerSent } from './composer-sent';

/** The composer: edit, review, send. Plain form posts without JavaScript; each draft keeps one idempotency key. */
export function Composer({ initial, vocabulary }: { initial: ComposerState; vocabulary: Vocabulary }) {
  const [state, action, pending] = useActionState(composeReferral, initial);
  if (state.step === 'sent' && state.created) return <ComposerSent created={state.created} />;
  return (
    <form className="usa-form usa-form--large composer" action={action} noValidate>
      <FormStatus status={state.status} message={state.message} stale={state.stale} reloadHref="/referrals/new" />
      {state.step === 'review' ? (
        <>
          <ComposerReview state={state} vocabulary={vocabulary} />
          <div className="usa-button-group margin-top-3">
            <button className="usa-button usa-button--outline" type="submit" name="intent" value="edit">
              Change something
            </button>
            <button className="usa-button" type="submit" name="intent" value="send" disabled={pending}>
              Send referral
            </button>
          </div>
        </>
      ) : (
        <>
          <ComposerFields state={state} vocabulary={vocabulary} />
          <button className="usa-button margin-top-4" type="submit" name="intent" value="review" disabled={pending}>
            Review the referral
          </button>
        </>
      )}
    </form>
  );
}
