import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '@mmn/errors';
import { isUuid, todayIso } from '@mmn/shared';
import type {
  PracticeCitiesArgs,
  PracticeCity,
  TherapistListingArgs,
  TherapistListingPage,
} from './public-listing.models';

// Verified as in isTherapistVerified: a VERIFIED, unexpired license in the state of one of the therapist's
// locations, and not suspended. Kept in SQL here so listings over the whole directory need no hydration.
const VERIFIED_THERAPISTS = `
  SELECT t.id, t.display_name, t.updated_at FROM therapists t
  WHERE t.suspended_at IS NULL AND EXISTS (
    SELECT 1 FROM licenses l JOIN practice_locations pl ON pl.therapist_id = t.id AND upper(pl.state) = upper(l.state)
    WHERE l.therapist_id = t.id AND l.status = 'VERIFIED' AND l.expires_on >= $1::date)`;

interface CityRow {
  city: string;
  state: string;
  therapists: number;
  latitude: number;
  longitude: number;
  last_updated: Date;
  distance_km: number | null;
}

/** Public read models over the whole directory: where verified therapists practise, and who they are. */
@Injectable()
export class PublicListingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async practiceCities(args: PracticeCitiesArgs): Promise<PracticeCity[]> {
    const hasPoint = args.latitude != null && args.longitude != null;
    if ((args.latitude != null) !== (args.longitude != null)) {
      throw BadUserInputError.field(
        args.latitude == null ? 'latitude' : 'longitude',
        'Give latitude and longitude together.',
      );
    }
    const params: unknown[] = [todayIso(), args.state ?? null, args.first];
    const distance = hasPoint
      ? `2 * 6371 * asin(sqrt(power(sin(radians(avg(pl.latitude) - $4) / 2), 2) +
           cos(radians($4)) * cos(radians(avg(pl.latitude))) * power(sin(radians(avg(pl.longitude) - $5) / 2), 2)))`
      : 'NULL::float8';
    if (hasPoint) params.push(args.latitude, args.longitude);
    const rows = await this.dataSource.query<CityRow[]>(
      `WITH verified AS (${VERIFIED_THERAPISTS})
       SELECT min(pl.city) AS city, upper(pl.state) AS state, count(DISTINCT v.id)::int AS therapists,
              avg(pl.latitude) AS latitude, avg(pl.longitude) AS longitude, max(v.updated_at) AS last_updated,
              ${distance} AS distance_km
       FROM practice_locations pl JOIN verified v ON v.id = pl.therapist_id
       WHERE $2::text IS NULL OR upper(pl.state) = $2
       GROUP BY lower(pl.city), upper(pl.state)
       ORDER BY ${hasPoint ? 'distance_km ASC,' : ''} therapists DESC, city ASC
       LIMIT $3`,
      params,
    );
    return rows.map((row) => ({
      city: row.city,
      state: row.state,
      therapistCount: row.therapists,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      distanceKm: row.distance_km === null ? null : Math.round(Number(row.distance_km) * 10) / 10,
      lastUpdated: row.last_updated,
    }));
  }

  async verifiedTherapists(args: TherapistListingArgs): Promise<TherapistListingPage> {
    if (args.after !== undefined && args.after !== null && !isUuid(args.after)) {
      throw BadUserInputError.field('after', 'is not a cursor from a previous page');
    }
    const rows = await this.dataSource.query<{ id: string; display_name: string; updated_at: Date }[]>(
      `SELECT * FROM (${VERIFIED_THERAPISTS}) v WHERE $2::uuid IS NULL OR v.id > $2::uuid ORDER BY v.id LIMIT $3`,
      [todayIso(), args.after ?? null, args.first + 1],
    );
    const page = rows.slice(0, args.first);
    return {
      entries: page.map((row) => ({ id: row.id, displayName: row.display_name, updatedAt: row.updated_at })),
      endCursor: rows.length > args.first ? page[page.length - 1].id : null,
    };
  }
}
