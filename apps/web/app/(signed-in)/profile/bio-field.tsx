'use client';

import { useState } from 'react';

const MAX = 2000;

/** The bio with a character counter (announced politely, and only once typing pauses is it read again). */
export function BioField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const [length, setLength] = useState(defaultValue.length);
  const left = MAX - length;
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor="profile-bio">
        Bio <span className="text-base">(optional)</span>
      </label>
      <div className="usa-hint" id="profile-bio-hint">
        What you treat and how you work, in words patients understand. At most {MAX} characters.
      </div>
      {error ? (
        <span className="usa-error-message" id="profile-bio-error">
          {error}
        </span>
      ) : null}
      <textarea
        className={`usa-textarea${error ? ' usa-input--error' : ''}`}
        id="profile-bio"
        name="bio"
        rows={6}
        defaultValue={defaultValue}
        onChange={(event) => setLength(event.target.value.length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`profile-bio-hint profile-bio-count${error ? ' profile-bio-error' : ''}`}
      />
      <span
        className={`usa-hint display-block margin-top-05${left < 0 ? ' text-secondary-dark text-bold' : ''}`}
        id="profile-bio-count"
        aria-live="polite"
      >
        {left >= 0 ? `${left} characters left` : `${-left} characters too many`}
      </span>
    </div>
  );
}
