import { BadUserInputError, type FieldProblem } from '@mmn/errors';
import { Gazetteer, isUsStateCode } from '@mmn/reference-data';

export interface LocationInputFields {
  label?: string | null;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface GeocodedLocation {
  label: string | null;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  latitude: number;
  longitude: number;
}

/**
 * Resolves a location's coordinates from its ZIP code through the bundled gazetteer (never a network call)
 * and checks the address is consistent: the state must be the ZIP's state, the city must exist in it.
 * Problems name `${path}.postalCode`, `${path}.state` or `${path}.city`.
 */
export function geocodeLocation(input: LocationInputFields, path = 'input'): GeocodedLocation {
  const gazetteer = Gazetteer.shared();
  const problems: FieldProblem[] = [];
  const postalCode = input.postalCode.trim();
  const state = input.state.trim().toUpperCase();
  const city = input.city.trim();
  const place = gazetteer.lookupZip(postalCode);
  if (!place) problems.push({ path: `${path}.postalCode`, message: 'is not a known US ZIP code' });
  if (!isUsStateCode(state)) {
    problems.push({ path: `${path}.state`, message: 'must be a two-letter US state code' });
  } else if (place && place.state !== state) {
    problems.push({ path: `${path}.state`, message: `does not match the ZIP code's state (${place.state})` });
  } else if (!gazetteer.cityExistsInState(city, state)) {
    problems.push({ path: `${path}.city`, message: `is not a known city in ${state}` });
  }
  if (problems.length > 0 || !place) throw new BadUserInputError(problems);
  return {
    label: input.label?.trim() || null,
    addressLine: input.addressLine.trim(),
    city,
    state,
    postalCode,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}
