import type { SearchResult } from '../../app/(public)/search/queries';
import { RADIUS_MILES, type SearchQuery } from '../../lib/search-query';

type FacetCount = SearchResult['facets']['conditions'][number];

interface FacetGroupProps {
  legend: string;
  name: string;
  counts: readonly FacetCount[];
  selected: readonly string[];
  labelOf?: (value: string) => string;
}

const FORM = 'search-form';

// The selected values stay listed even when the current results have none, so they can be unticked.
function FacetGroup({ legend, name, counts, selected, labelOf }: FacetGroupProps) {
  const shown = counts.slice(0, 8);
  for (const value of selected) {
    if (!shown.some((c) => c.value === value)) shown.push({ value, label: labelOf?.(value) ?? value, count: 0 });
  }
  if (shown.length === 0) return null;
  return (
    <fieldset className="usa-fieldset facet-group">
      <legend className="usa-legend usa-legend--small text-bold">{legend}</legend>
      {shown.map((facet) => {
        const id = `${name}-${facet.value}`;
        return (
          <div className="usa-checkbox" key={facet.value}>
            <input
              className="usa-checkbox__input"
              id={id}
              type="checkbox"
              name={name}
              value={facet.value}
              defaultChecked={selected.includes(facet.value)}
              form={FORM}
            />
            <label className="usa-checkbox__label" htmlFor={id}>
              {facet.label} <span className="text-base">({facet.count})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export interface FacetFiltersProps {
  query: SearchQuery;
  facets: SearchResult['facets'] | null;
  conditionName: (id: string) => string;
}

/** Filters, sort and distance: fields of the search form (by its id), applied with the button or, with JS, at once. */
export function FacetFilters({ query, facets, conditionName }: FacetFiltersProps) {
  return (
    <section aria-labelledby="filters-heading" data-filters="">
      <h2 id="filters-heading" className="font-heading-md margin-top-0">
        Filter and sort
      </h2>
      <label className="usa-label margin-top-1" htmlFor="sort">
        Sort by
      </label>
      <select className="usa-select" id="sort" name="sort" defaultValue={query.sort} form={FORM}>
        <option value="relevance">Best match</option>
        <option value="distance">Distance</option>
        <option value="reputation">Trusted by most local providers</option>
      </select>
      <label className="usa-label" htmlFor="radius">
        Distance
      </label>
      <select className="usa-select" id="radius" name="radius" defaultValue={String(query.radius)} form={FORM}>
        {RADIUS_MILES.map((miles) => (
          <option key={miles} value={miles}>
            Within {miles} miles
          </option>
        ))}
      </select>
      <fieldset className="usa-fieldset facet-group">
        <legend className="usa-legend usa-legend--small text-bold">Practice</legend>
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            id="accepting"
            type="checkbox"
            name="accepting"
            value="1"
            defaultChecked={query.accepting}
            form={FORM}
          />
          <label className="usa-checkbox__label" htmlFor="accepting">
            Accepting new patients
          </label>
        </div>
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            id="context-medical"
            type="checkbox"
            name="context"
            value="medical"
            defaultChecked={query.context === 'medical'}
            form={FORM}
          />
          <label className="usa-checkbox__label" htmlFor="context-medical">
            Medical massage practice
          </label>
        </div>
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            id="verified-all"
            type="checkbox"
            name="verified"
            value="0"
            defaultChecked={!query.verifiedOnly}
            form={FORM}
          />
          <label className="usa-checkbox__label" htmlFor="verified-all">
            Include therapists not yet verified
          </label>
        </div>
      </fieldset>
      {facets ? (
        <>
          <FacetGroup
            legend="Conditions treated"
            name="condition"
            counts={facets.conditions}
            selected={query.conditions}
            labelOf={conditionName}
          />
          <FacetGroup legend="Techniques" name="technique" counts={facets.techniques} selected={query.techniques} />
          <FacetGroup legend="In network with" name="network" counts={facets.networks} selected={query.networks} />
          <FacetGroup legend="Languages" name="language" counts={facets.languages} selected={query.languages} />
        </>
      ) : null}
      <button className="usa-button margin-top-3" type="submit" form={FORM} data-apply-filters="">
        Apply filters
      </button>
    </section>
  );
}
