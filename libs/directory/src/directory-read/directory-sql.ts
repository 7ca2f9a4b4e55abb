import { isUuid, todayIso } from '@mmn/shared';
import type { DirectoryCriteria } from './directory-criteria';

/** Collects positional parameters for one query. */
export class SqlParams {
  readonly values: unknown[] = [];
  private todayParam?: string;

  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }

  /** Today's date as a parameter, added on first use (an unused parameter has no type and fails the query). */
  readonly today = (): string => (this.todayParam ??= this.add(todayIso()));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A location counts only under a VERIFIED, unexpired license of its own state (the same rule as
 * isTherapistVerified, in SQL so that whole-directory searches need no hydration).
 */
export function licensedLocation(pl: string, today: string): string {
  return `EXISTS (SELECT 1 FROM licenses l WHERE l.therapist_id = ${pl}.therapist_id
    AND upper(l.state) = upper(${pl}.state) AND l.status = 'VERIFIED' AND l.expires_on >= ${today}::date)`;
}

/** A verified, current membership of one of the networks. */
export function currentMembership(t: string, networks: string, today: string): string {
  return `EXISTS (SELECT 1 FROM network_memberships m WHERE m.therapist_id = ${t}.id AND m.network_id = ANY(${networks}::text[])
    AND m.status = 'VERIFIED' AND m.effective_from <= ${today}::date
    AND (m.effective_to IS NULL OR m.effective_to >= ${today}::date))`;
}

/** Haversine distance in km from a point to `pl`'s coordinates. */
export function distanceSql(pl: string, lat: string, lng: string): string {
  return `(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(${pl}.latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${pl}.latitude)) * power(sin(radians(${pl}.longitude - ${lng}) / 2), 2)))))`;
}

/** `column` is one of the ids; ids that are not uuids match nothing (rather than failing the cast). */
function anyUuid(column: string, ids: string[], p: SqlParams): string {
  const valid = ids.filter(isUuid);
  return valid.length > 0 ? `${column} = ANY(${p.add(valid)}::uuid[])` : 'false';
}

/** Filters on the therapist row `t`: ids, names, networks, last update. */
export function therapistFilters(criteria: DirectoryCriteria, p: SqlParams, today: () => string): string[] {
  const where = ['t.suspended_at IS NULL'];
  if (criteria.therapistIds) where.push(anyUuid('t.id', criteria.therapistIds, p));
  if (criteria.name) {
    const word = escapeRegex(criteria.name.trim());
    where.push(`t.display_name ~* ${p.add(`(^|\\s)${word}`)}`);
  }
  if (criteria.family) {
    const prefix = `${escapeLike(criteria.family.trim())}%`;
    where.push(`regexp_replace(t.display_name, '^.*\\s', '') ILIKE ${p.add(prefix)}`);
  }
  if (criteria.given) {
    const word = escapeRegex(criteria.given.trim());
    where.push(`regexp_replace(t.display_name, '\\s*\\S+$', '') ~* ${p.add(`(^|\\s)${word}`)}`);
  }
  if (criteria.networkIds) where.push(currentMembership('t', p.add(criteria.networkIds), today()));
  for (const bound of criteria.updated ?? []) {
    const op = { gt: '>', ge: '>=', lt: '<', le: '<=' }[bound.op];
    where.push(`t.updated_at ${op} ${p.add(bound.at.toISOString())}::timestamptz`);
  }
  return where;
}

/** Filters on the practice location `pl`: ids, address parts, a radius around a point (bounding box first). */
export function locationFilters(criteria: DirectoryCriteria, p: SqlParams): string[] {
  const where: string[] = [];
  if (criteria.locationIds) where.push(anyUuid('pl.id', criteria.locationIds, p));
  if (criteria.city) where.push(`pl.city ILIKE ${p.add(`${escapeLike(criteria.city.trim())}%`)}`);
  if (criteria.state) where.push(`upper(pl.state) = ${p.add(criteria.state.trim().toUpperCase())}`);
  if (criteria.postalCode) where.push(`pl.postal_code LIKE ${p.add(`${escapeLike(criteria.postalCode.trim())}%`)}`);
  if (criteria.near) {
    const { latitude, longitude, km } = criteria.near;
    const dLat = km / 111.2;
    const dLng = km / (111.32 * Math.max(0.01, Math.cos((latitude * Math.PI) / 180)));
    where.push(`pl.latitude BETWEEN ${p.add(latitude - dLat)} AND ${p.add(latitude + dLat)}`);
    where.push(`pl.longitude BETWEEN ${p.add(longitude - dLng)} AND ${p.add(longitude + dLng)}`);
    where.push(`${distanceSql('pl', p.add(latitude), p.add(longitude))} <= ${p.add(km)}`);
  }
  return where;
}

export function hasLocationCriteria(criteria: DirectoryCriteria): boolean {
  return Boolean(criteria.locationIds || criteria.city || criteria.state || criteria.postalCode || criteria.near);
}
