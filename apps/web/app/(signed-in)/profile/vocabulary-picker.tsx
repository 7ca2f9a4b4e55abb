'use client';

import { useEffect, useId, useState } from 'react';

export interface VocabularyTerm {
  id: string;
  name: string;
  synonyms: string[];
}

/**
 * Checkboxes for conditions or techniques. With JavaScript a filter box narrows them by name or by the patient
 * words (synonyms) a term is known by; ticked terms always stay visible.
 */
export function VocabularyPicker({
  name,
  legend,
  terms,
  selected,
  error,
}: {
  name: string;
  legend: string;
  terms: VocabularyTerm[];
  selected: string[];
  error?: string;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const [ticked, setTicked] = useState(() => new Set(selected));
  const [enhanced, setEnhanced] = useState(false);
  // The filter box needs JavaScript: it appears only once the page is live.
  useEffect(() => setEnhanced(true), []);
  const words = filter.trim().toLowerCase();
  const matches = (term: VocabularyTerm) =>
    !words || ticked.has(term.id) || [term.name, ...term.synonyms].some((w) => w.toLowerCase().includes(words));
  const shown = terms.filter(matches).length;
  return (
    <fieldset
      className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="usa-legend usa-legend--large">{legend}</legend>
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {enhanced ? (
        <>
          <label className="usa-label" htmlFor={`${id}-filter`}>
            Find by name or the words patients use
          </label>
          <input
            className="usa-input"
            id={`${id}-filter`}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            aria-describedby={`${id}-count`}
          />
          <p className="usa-hint" id={`${id}-count`} aria-live="polite">
            {words ? `${shown} of ${terms.length} shown` : `${ticked.size} chosen`}
          </p>
        </>
      ) : null}
      <div className="grid-row grid-gap-sm">
        {terms.filter(matches).map((term) => (
          <div className="usa-checkbox tablet:grid-col-6" key={term.id}>
            <input
              className="usa-checkbox__input"
              id={`${id}-${term.id}`}
              type="checkbox"
              name={name}
              value={term.id}
              defaultChecked={ticked.has(term.id)}
              onChange={(event) => {
                const next = new Set(ticked);
                if (event.target.checked) next.add(term.id);
                else next.delete(term.id);
                setTicked(next);
              }}
            />
            <label className="usa-checkbox__label" htmlFor={`${id}-${term.id}`}>
              {term.name}
              {term.synonyms.length > 0 ? (
                <span className="usa-checkbox__label-description">Also: {term.synonyms.slice(0, 3).join(', ')}</span>
              ) : null}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
