import { BadUserInputError } from '@mmn/errors';
import type { NearPoint, UpdatedBound } from '@mmn/directory';

export type ParamType = 'string' | 'token' | 'reference' | 'date' | 'near';

/** What one resource type's search understands: its parameters (with chains) and its _include/_revinclude values. */
export interface SearchDefinition {
  params: Record<string, ParamType>;
  include?: readonly string[];
  revinclude?: readonly string[];
}

/** Parameters every search takes; anything else not in the definition is refused (or ignored with handling=lenient). */
const RESULT_PARAMS = new Set(['_count', '_offset', '_include', '_revinclude', '_format', '_total']);
export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;
const MAX_OFFSET = 10_000;

export interface ParsedSearch {
  /** name -> values, each value an "any of" list (comma-separated); repeating a parameter means "all of". */
  values: Map<string, string[][]>;
  count: number;
  offset: number;
  include: string[];
  revinclude: string[];
  /** The understood parameters, for self and next links. */
  canonical: [string, string][];
}

export type RawQuery = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function integer(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max)
    throw BadUserInputError.field(name, `must be a whole number from ${min} to ${max}`);
  return value;
}

/** Parses a search query against a definition: strict by default, unknown parameters ignored when lenient. */
export function parseSearch(query: RawQuery, definition: SearchDefinition, lenient = false): ParsedSearch {
  const parsed: ParsedSearch = {
    values: new Map(),
    count: DEFAULT_COUNT,
    offset: 0,
    include: [],
    revinclude: [],
    canonical: [],
  };
  for (const [name, raw] of Object.entries(query)) {
    const values = list(raw);
    if (RESULT_PARAMS.has(name)) {
      const last = values.at(-1) ?? '';
      if (name === '_count') parsed.count = integer('_count', last, 1, MAX_COUNT);
      if (name === '_offset') parsed.offset = integer('_offset', last, 0, MAX_OFFSET);
      if (name === '_include' || name === '_revinclude') {
        const allowed = (name === '_include' ? definition.include : definition.revinclude) ?? [];
        for (const value of values) {
          if (!allowed.includes(value)) {
            if (lenient) continue;
            throw BadUserInputError.field(
              name,
              allowed.length > 0 ? `supported values: ${allowed.join(', ')}` : 'is not supported here',
            );
          }
          (name === '_include' ? parsed.include : parsed.revinclude).push(value);
          parsed.canonical.push([name, value]);
        }
      }
      continue;
    }
    const type = definition.params[name];
    if (!type) {
      if (lenient) continue;
      throw BadUserInputError.field(name, 'is not a supported search parameter (see /fhir/metadata)');
    }
    const ands = values.map((value) => value.split(',').map((v) => v.trim()));
    if (ands.some((ors) => ors.some((v) => v === ''))) throw BadUserInputError.field(name, 'has an empty value');
    parsed.values.set(name, ands);
    for (const value of values) parsed.canonical.push([name, value]);
  }
  return parsed;
}

/** The single value of a string parameter (repeats and comma lists are refused: one name is searched at a time). */
export function single(search: ParsedSearch, name: string): string | undefined {
  const values = search.values.get(name);
  if (!values) return undefined;
  if (values.length > 1 || values[0].length > 1) throw BadUserInputError.field(name, 'takes one value');
  return values[0][0];
}

/** Every value of a token or reference parameter that is "any of" (repeats narrow: the intersection). */
export function anyOf(search: ParsedSearch, name: string, normalise: (value: string) => string): string[] | undefined {
  const values = search.values.get(name);
  if (!values) return undefined;
  return values.map((ors) => ors.map(normalise)).reduce((kept, next) => kept.filter((value) => next.includes(value)));
}

/** `system|code`, `|code` or `code` -> {system, code}; system undefined when not given. */
export function parseToken(value: string): { system: string | undefined; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { system: undefined, code: value };
  return { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/** `Type/id`, an absolute URL ending in `Type/id`, or a bare id -> the id, when the type matches. */
export function referenceId(value: string, type: string): string {
  const match = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(value);
  if (match) return match[1] === type ? match[2] : '';
  return value;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** A date search value (eq, gt, ge, lt, le, at any precision) as bounds on a timestamp: [start, end) of its range. */
export function parseDateBounds(name: string, raw: string): UpdatedBound[] {
  const prefix = /^(eq|gt|ge|lt|le)/.exec(raw)?.[1] ?? 'eq';
  const text = raw.replace(/^(eq|gt|ge|lt|le)/, '');
  const match = DATE.exec(text);
  if (!match) throw BadUserInputError.field(name, 'must be a FHIR date (e.g. ge2025-01-31 or gt2025-01-31T12:00:00Z)');
  const [, year, month, day, hour] = match;
  const start = new Date(hour ? text : `${year}-${month ?? '01'}-${day ?? '01'}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) throw BadUserInputError.field(name, 'is not a valid date');
  const end = new Date(start);
  if (hour) end.setTime(start.getTime() + 1000);
  else if (day) end.setUTCDate(end.getUTCDate() + 1);
  else if (month) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  switch (prefix) {
    case 'gt':
      return [{ op: 'ge', at: end }];
    case 'ge':
      return [{ op: 'ge', at: start }];
    case 'lt':
      return [{ op: 'lt', at: start }];
    case 'le':
      return [{ op: 'lt', at: end }];
    default:
      return [
        { op: 'ge', at: start },
        { op: 'lt', at: end },
      ];
  }
}

const KM_PER_UNIT: Record<string, number> = { km: 1, m: 0.001, mi: 1.609344, '[mi_i]': 1.609344 };
export const DEFAULT_NEAR_KM = 50;
export const MAX_NEAR_KM = 500;

/** R4 `near`: latitude|longitude|distance|units (distance defaults to 50 km, units to km; at most 500 km). */
export function parseNear(name: string, raw: string): NearPoint {
  const [lat, lng, distance, units = 'km'] = raw.split('|');
  const latitude = Number(lat);
  const longitude = Number(lng);
  if (!lat || !lng || !Number.isFinite(latitude) || !Number.isFinite(longitude))
    throw BadUserInputError.field(name, 'must be latitude|longitude|distance|units, e.g. 25.76|-80.19|10|km');
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    throw BadUserInputError.field(name, 'latitude must be within ±90 and longitude within ±180');
  const factor = KM_PER_UNIT[units];
  if (factor === undefined) throw BadUserInputError.field(name, 'units must be km, m, mi or [mi_i]');
  const km = distance ? Number(distance) * factor : DEFAULT_NEAR_KM;
  if (!Number.isFinite(km) || km <= 0 || km > MAX_NEAR_KM)
    throw BadUserInputError.field(name, `distance must be above 0 and at most ${MAX_NEAR_KM} km`);
  return { latitude, longitude, km };
}
