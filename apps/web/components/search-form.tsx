import type { ReactNode } from 'react';
import { PlaceTypeahead } from './enhance/place-typeahead';

export interface SearchFormProps {
  q: string;
  near: string;
  /** Condition names and patient words ("frozen shoulder") offered as the person types, without JavaScript. */
  suggestions: string[];
  headingLevel?: 'h1' | 'h2';
  children?: ReactNode;
}

/** The two questions of a search, as a plain GET form to /search (works without JavaScript). */
export function SearchForm({ q, near, suggestions, children }: SearchFormProps) {
  return (
    <form
      id="search-form"
      className="usa-form maxw-none"
      action="/search"
      method="get"
      role="search"
      aria-label="Find a therapist"
    >
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-5">
          <label className="usa-label" htmlFor="q">
            What do you need help with?
          </label>
          <span className="usa-hint" id="q-hint">
            A condition, technique or name, e.g. frozen shoulder
          </span>
          <input
            className="usa-input maxw-none"
            id="q"
            name="q"
            type="text"
            defaultValue={q}
            maxLength={200}
            list="q-suggestions"
            aria-describedby="q-hint"
            autoComplete="off"
          />
          <datalist id="q-suggestions">
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div className="tablet:grid-col-4">
          <label className="usa-label" htmlFor="near">
            Where?
          </label>
          <span className="usa-hint" id="near-hint">
            City and state, or ZIP code
          </span>
          <input
            className="usa-input maxw-none"
            id="near"
            name="near"
            type="text"
            defaultValue={near}
            maxLength={100}
            aria-describedby="near-hint"
            autoComplete="address-level2"
            data-place-input=""
          />
          <PlaceTypeahead inputId="near" />
        </div>
        <div className="tablet:grid-col-3 display-flex flex-align-end">
          <button className="usa-button margin-top-2" type="submit">
            Search
          </button>
        </div>
      </div>
      {children}
    </form>
  );
}
