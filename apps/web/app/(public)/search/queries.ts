import {
  PlaceSuggestionsDocument,
  PracticeCitiesDocument,
  type PracticeCitiesQuery,
  SearchTherapistsDocument,
  type SearchTherapistsQuery,
  type TherapistSearchInput,
} from '@mmn/api-client';
import { ApiError, callApi } from '../../../lib/api';
import { hostContext } from '../../../lib/host';
import { type SearchQuery, PAGE_SIZE } from '../../../lib/search-query';
import { milesToKm } from '../../../lib/wording';

export type SearchResult = SearchTherapistsQuery['searchTherapists'];
export type NearbyCity = PracticeCitiesQuery['practiceCities'][number];

export type SearchOutcome =
  | { kind: 'results'; result: SearchResult; nearbyCities: NearbyCity[] }
  | { kind: 'unknown-place'; suggestions: string[] }
  | { kind: 'invalid'; message: string }
  | { kind: 'unavailable' };

export function toSearchInput(query: SearchQuery): TherapistSearchInput {
  return {
    text: query.q || null,
    near: query.near || null,
    radiusKm: Math.min(500, milesToKm(query.radius)),
    conditionIds: query.conditions,
    techniqueIds: query.techniques,
    networkIds: query.networks,
    languages: query.languages,
    acceptingNewPatients: query.accepting ? true : null,
    practiceContext: query.context === 'medical' ? 'MEDICAL' : query.context === 'wellness' ? 'WELLNESS' : null,
    sort: query.sort === 'distance' ? 'DISTANCE' : query.sort === 'reputation' ? 'REPUTATION' : 'RELEVANCE',
    page: query.page,
    pageSize: PAGE_SIZE,
    verifiedOnly: query.verifiedOnly,
  };
}

/** Nearby cities that have verified therapists, for the ways out of an empty result. */
export async function nearbyCities(latitude: number, longitude: number): Promise<NearbyCity[]> {
  const { practiceCities } = await callApi(PracticeCitiesDocument, { latitude, longitude, first: 6 });
  return practiceCities;
}

/** Runs a search and maps every answer the API can give to what the page shows. */
export async function runSearch(query: SearchQuery): Promise<SearchOutcome> {
  try {
    const { searchTherapists: result } = await callApi(SearchTherapistsDocument, { input: toSearchInput(query) });
    const place = result.resolvedPlace;
    const cities = result.totalHits === 0 && place ? await nearbyCities(place.latitude, place.longitude) : [];
    return { kind: 'results', result, nearbyCities: cities };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'SERVICE_UNAVAILABLE') {
      (await hostContext()).setStatus(503);
      return { kind: 'unavailable' };
    }
    if (error.code === 'BAD_USER_INPUT' && error.fields.includes('input.near')) {
      const { placeSuggestions } = await callApi(PlaceSuggestionsDocument, { text: query.near, first: 3 });
      return { kind: 'unknown-place', suggestions: placeSuggestions.map((p) => p.label) };
    }
    if (error.code === 'BAD_USER_INPUT') return { kind: 'invalid', message: error.message };
    throw error;
  }
}
