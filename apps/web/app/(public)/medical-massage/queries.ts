import { permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { PracticeCitiesDocument, SearchTherapistsDocument } from '@mmn/api-client';
import { ApiError, callApi } from '../../../lib/api';
import { cityPath, statePath } from '../../../lib/paths';
import { slugify, US_STATE_NAMES } from '../../../lib/wording';
import { milesToKm } from '../../../lib/wording';

/** The state of a /medical-massage/<state> path: its code, or null (404); other spellings redirect. */
export function stateOf(segment: string): string | null {
  const code = decodeURIComponent(segment).toUpperCase();
  if (!US_STATE_NAMES[code]) return null;
  if (segment !== code.toLowerCase()) permanentRedirect(statePath(code));
  return code;
}

export const citiesOf = cache(async (state?: string) => {
  const { practiceCities } = await callApi(PracticeCitiesDocument, { state: state ?? null, first: 5000 });
  return practiceCities;
});

/** A city page's data: verified therapists near the city (nearest first), what they treat most, nearby cities. */
export const loadCityPage = cache(async (stateSegment: string, citySegment: string) => {
  const state = stateOf(stateSegment);
  if (!state) return null;
  const slug = slugify(decodeURIComponent(citySegment));
  if (slug !== citySegment) permanentRedirect(`${statePath(state)}/${slug}`);
  const near = `${slug.replace(/-/g, ' ')}, ${state}`;
  try {
    const { searchTherapists } = await callApi(SearchTherapistsDocument, {
      input: { near, radiusKm: milesToKm(25), sort: 'DISTANCE', pageSize: 20, verifiedOnly: true },
    });
    const place = searchTherapists.resolvedPlace!;
    const { practiceCities } = await callApi(PracticeCitiesDocument, {
      latitude: place.latitude,
      longitude: place.longitude,
      first: 8,
    });
    const city = place.label.replace(/,\s*[A-Z]{2}$/, '');
    const nearby = practiceCities.filter((c) => cityPath(c.city, c.state) !== cityPath(city, state)).slice(0, 6);
    return { state, city, search: searchTherapists, nearby, searchDown: false };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return null;
    if (error instanceof ApiError && error.code === 'SERVICE_UNAVAILABLE') {
      // Without search, the page still lists the state's cities from the directory itself.
      const cities = await citiesOf(state);
      const own = cities.find((c) => slugify(c.city) === slug);
      if (!own) return null;
      return {
        state,
        city: own.city,
        search: null,
        nearby: cities.filter((c) => c !== own).slice(0, 6),
        searchDown: true,
      };
    }
    throw error;
  }
});
