export type { GeoPoint } from './geo';
export { distanceKm } from './geo';
export { US_STATES, US_STATE_CODES, isUsStateCode, stateName, toStateCode } from './us-states';
export type { PlaceKind, ResolvedPlace, ZipPlace } from './gazetteer';
export { Gazetteer, gazetteerDataPath } from './gazetteer';
export { PlaceSuggester, editDistance } from './place-suggestions';
export type { ZipDistance } from './zip-grid';
