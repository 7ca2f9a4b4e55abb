import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUuid } from '@mmn/shared';
import type { Therapist } from '../entities/therapist.entity';
import { loadTherapists } from '../services/therapist-records';
import type { DirectoryCriteria, DirectoryHits, DirectoryPage } from './directory-criteria';
import {
  distanceSql,
  hasLocationCriteria,
  licensedLocation,
  locationFilters,
  SqlParams,
  therapistFilters,
} from './directory-sql';

interface HitRow {
  id: string;
  total: string;
  owner?: string;
}

/** A batch of the visible directory for whole-directory readers (exports, feeds). */
export interface DirectoryBatch {
  therapists: Therapist[];
  /** Pass back as `after` for the next batch; null at the end. */
  next: string | null;
}

/**
 * The public directory as standards clients (FHIR, HSDS) read it: searches that return ids and a total, and batches
 * over the whole directory in id order. Suspended profiles never appear. "Listed" therapists are the verified ones,
 * at their licensed locations only (a VERIFIED, current license of the location's state).
 */
@Injectable()
export class DirectoryReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Visible therapists, verified or not, by name; ordered by name. */
  async findTherapists(criteria: DirectoryCriteria, page: DirectoryPage): Promise<DirectoryHits> {
    const p = new SqlParams();
    const where = therapistFilters(criteria, p, p.today);
    return this.hits(
      `SELECT t.id, count(*) OVER () AS total FROM therapists t WHERE ${where.join(' AND ')}
       ORDER BY t.display_name, t.id`,
      p,
      page,
    );
  }

  /** Verified therapists with at least one licensed location matching the location criteria; nearest first with `near`. */
  async findListedTherapists(criteria: DirectoryCriteria, page: DirectoryPage): Promise<DirectoryHits> {
    const p = new SqlParams();
    const where = [
      ...therapistFilters(criteria, p, p.today),
      licensedLocation('pl', p.today()),
      ...locationFilters(criteria, p),
    ];
    const near = criteria.near;
    const order = near
      ? `min(${distanceSql('pl', p.add(near.latitude), p.add(near.longitude))}), min(t.display_name), t.id`
      : 'min(t.display_name), t.id';
    return this.hits(
      `SELECT t.id, count(*) OVER () AS total FROM therapists t JOIN practice_locations pl ON pl.therapist_id = t.id
       WHERE ${where.join(' AND ')} GROUP BY t.id ORDER BY ${order}`,
      p,
      page,
    );
  }

  /** Licensed locations of verified therapists; nearest first with `near`, else by city. */
  async findListedLocations(criteria: DirectoryCriteria, page: DirectoryPage): Promise<DirectoryHits> {
    const p = new SqlParams();
    const where = [
      ...therapistFilters(criteria, p, p.today),
      licensedLocation('pl', p.today()),
      ...locationFilters(criteria, p),
    ];
    const near = criteria.near;
    const order = near
      ? `${distanceSql('pl', p.add(near.latitude), p.add(near.longitude))}, pl.id`
      : 'upper(pl.state), lower(pl.city), pl.id';
    return this.hits(
      `SELECT pl.id, pl.therapist_id AS owner, count(*) OVER () AS total FROM practice_locations pl JOIN therapists t ON t.id = pl.therapist_id
       WHERE ${where.join(' AND ')} ORDER BY ${order}`,
      p,
      page,
    );
  }

  /** Whether the criteria touch locations (for callers choosing between the searches above). */
  static hasLocationCriteria = hasLocationCriteria;

  /** Visible therapists with their locations and credentials, in the order asked (unknown ids skipped). */
  async load(ids: readonly string[]): Promise<Therapist[]> {
    const found = await loadTherapists(this.dataSource.manager, ids, { visibleOnly: true });
    const byId = new Map(found.map((therapist) => [therapist.id, therapist]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The therapist owning a practice location, or null (malformed ids included). */
  async therapistOfLocation(locationId: string): Promise<string | null> {
    if (!isUuid(locationId)) return null;
    const rows = await this.dataSource.query<{ therapist_id: string }[]>(
      `SELECT pl.therapist_id FROM practice_locations pl WHERE pl.id = $1::uuid AND pl.therapist_id IS NOT NULL`,
      [locationId],
    );
    return rows[0]?.therapist_id ?? null;
  }

  /** The therapist holding a license, certification or network membership, or null. */
  async therapistOfCredential(credentialId: string): Promise<string | null> {
    if (!isUuid(credentialId)) return null;
    const rows = await this.dataSource.query<{ therapist_id: string }[]>(
      `SELECT therapist_id FROM licenses WHERE id = $1::uuid
       UNION ALL SELECT therapist_id FROM certifications WHERE id = $1::uuid
       UNION ALL SELECT therapist_id FROM network_memberships WHERE id = $1::uuid`,
      [credentialId],
    );
    return rows[0]?.therapist_id ?? null;
  }

  /**
   * The next `size` visible therapists after the id `after` (null: from the start), fully loaded, optionally only
   * those updated since a time. Memory stays one batch whatever the directory's size.
   */
  async batch(after: string | null, size: number, options: { since?: Date; listedOnly?: boolean } = {}) {
    const p = new SqlParams();
    const where = ['t.suspended_at IS NULL'];
    if (after) where.push(`t.id > ${p.add(after)}::uuid`);
    if (options.since) where.push(`t.updated_at > ${p.add(options.since.toISOString())}::timestamptz`);
    if (options.listedOnly) {
      where.push(
        `EXISTS (SELECT 1 FROM practice_locations pl WHERE pl.therapist_id = t.id AND ${licensedLocation('pl', p.today())})`,
      );
    }
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT t.id FROM therapists t WHERE ${where.join(' AND ')} ORDER BY t.id LIMIT ${p.add(size)}`,
      p.values,
    );
    const ids = rows.map((row) => row.id);
    const therapists = await this.load(ids);
    return { therapists, next: ids.length === size ? ids[ids.length - 1] : null } satisfies DirectoryBatch;
  }

  /** How many therapists `batch` would walk through (for manifests and totals). */
  async count(options: { since?: Date; listedOnly?: boolean } = {}): Promise<number> {
    const p = new SqlParams();
    const where = ['t.suspended_at IS NULL'];
    if (options.since) where.push(`t.updated_at > ${p.add(options.since.toISOString())}::timestamptz`);
    if (options.listedOnly) {
      where.push(
        `EXISTS (SELECT 1 FROM practice_locations pl WHERE pl.therapist_id = t.id AND ${licensedLocation('pl', p.today())})`,
      );
    }
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM therapists t WHERE ${where.join(' AND ')}`,
      p.values,
    );
    return row.count;
  }

  private async hits(sql: string, p: SqlParams, page: DirectoryPage): Promise<DirectoryHits> {
    const limit = p.add(page.limit);
    const offset = p.add(page.offset);
    const rows = await this.dataSource.query<HitRow[]>(`${sql} LIMIT ${limit} OFFSET ${offset}`, p.values);
    if (rows.length > 0 || page.offset === 0)
      return {
        ids: rows.map((r) => r.id),
        total: Number(rows[0]?.total ?? 0),
        ...(rows[0]?.owner ? { owners: rows.map((r) => r.owner!) } : {}),
      };
    // Past the end the window count has no row to ride on: count separately.
    const [{ total }] = await this.dataSource.query<HitRow[]>(
      `SELECT count(*) AS total FROM (${sql}) counted`,
      p.values.slice(0, -2),
    );
    return { ids: [], total: Number(total) };
  }
}
