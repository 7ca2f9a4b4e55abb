import { Gazetteer, type ResolvedPlace } from './gazetteer';
import { toStateCode } from './us-states';

interface CityName {
  /** Letters and digits only, lower case: the form typed names are compared in. */
  key: string;
  city: string;
  state: string;
  zipCount: number;
}

const MAX_TEXT = 100;

function keyOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/** "Miamy, FL" -> city "Miamy", state FL; a trailing state name or code after a comma or a space is recognised. */
function splitState(text: string): { city: string; state: string | null } {
  const comma = text.lastIndexOf(',');
  if (comma >= 0) {
    const state = toStateCode(text.slice(comma + 1).trim());
    if (state) return { city: text.slice(0, comma), state };
  }
  const words = text.trim().split(/\s+/);
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const state = toStateCode(words.slice(-n).join(' '));
    if (state) return { city: words.slice(0, -n).join(' '), state };
  }
  return { city: text, state: null };
}

/**
 * Close matches for a place the gazetteer does not know ("Miamy" -> Miami, FL) and prefix completions for
 * type-ahead ("Sacra" -> Sacramento, CA): city names within a small edit distance, the most prominent first
 * (most ZIP codes), ZIP codes by their first digits.
 */
export class PlaceSuggester {
  private static sharedInstance: PlaceSuggester | undefined;
  private readonly cities: CityName[] = [];

  constructor(private readonly gazetteer: Gazetteer) {
    const byCity = new Map<string, CityName>();
    for (let zip = 0; zip < 100_000; zip++) {
      const place = gazetteer.lookupZip(String(zip).padStart(5, '0'));
      if (!place) continue;
      const id = `${place.city}\0${place.state}`;
      const entry = byCity.get(id);
      if (entry) entry.zipCount += 1;
      else byCity.set(id, { key: keyOf(place.city), city: place.city, state: place.state, zipCount: 1 });
    }
    this.cities = [...byCity.values()].sort((a, b) => b.zipCount - a.zipCount || a.key.localeCompare(b.key));
  }

  static shared(): PlaceSuggester {
    PlaceSuggester.sharedInstance ??= new PlaceSuggester(Gazetteer.shared());
    return PlaceSuggester.sharedInstance;
  }

  suggest(text: string, first = 5): ResolvedPlace[] {
    const limit = Math.max(0, Math.min(first, 20));
    const trimmed = text.slice(0, MAX_TEXT).trim();
    if (limit === 0 || trimmed === '') return [];
    const digits = /^\d{1,5}$/.exec(trimmed);
    if (digits) return this.zips(digits[0], limit);
    const { city, state } = splitState(trimmed);
    const key = keyOf(city);
    if (key.length < 2) return [];
    const candidates = state ? this.cities.filter((c) => c.state === state) : this.cities;
    const tolerance = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
    const scored: { city: CityName; score: number }[] = [];
    for (const candidate of candidates) {
      // A prefix ranks with the exact matches: type-ahead completes "Mia" to Miami.
      const score = candidate.key.startsWith(key)
        ? candidate.key === key
          ? 0
          : 0.5
        : editDistance(key, candidate.key.slice(0, key.length + tolerance), tolerance) <= tolerance
          ? editDistance(key, candidate.key, tolerance) + 1
          : Infinity;
      if (score <= tolerance + 1) scored.push({ city: candidate, score });
    }
    // Prominence is already the order of `cities`, and the sort is stable.
    scored.sort((a, b) => a.score - b.score);
    const places: ResolvedPlace[] = [];
    for (const { city: match } of scored) {
      const place = this.gazetteer.resolvePlace(`${match.city}, ${match.state}`);
      if (place) places.push(place);
      if (places.length === limit) break;
    }
    return places;
  }

  private zips(prefix: string, limit: number): ResolvedPlace[] {
    const places: ResolvedPlace[] = [];
    const start = Number(prefix.padEnd(5, '0'));
    const end = Number(prefix.padEnd(5, '9'));
    for (let zip = start; zip <= end && places.length < limit; zip++) {
      const place = this.gazetteer.resolvePlace(String(zip).padStart(5, '0'));
      if (place) places.push(place);
    }
    return places;
  }
}
