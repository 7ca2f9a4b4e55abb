import { rm } from 'fs/promises';
import path from 'path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { BadUserInputError, NotFoundError } from '@mmn/errors';
import { isUuid } from '@mmn/shared';
import type { RawQuery } from '../search/search-params';
import { FhirExportJob } from './export-job.entity';
import { EXPORT_TYPES } from './export-writer';

export const EXPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;
const OUTPUT_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const KICK_OFF_PARAMS = new Set(['_type', '_since', '_outputFormat']);

export interface ExportManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: false;
  output: { type: string; url: string; count: number }[];
  error: never[];
}

/** Bulk Data $export jobs of the public directory: kick-off, status, files, cancellation. */
@Injectable()
export class FhirExportService {
  constructor(
    @InjectRepository(FhirExportJob) private readonly jobs: Repository<FhirExportJob>,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Where a job's files are written (under the data directory, so they survive a restart). */
  directoryOf(jobId: string): string {
    return path.join(this.config.dataDir, 'fhir-export', jobId);
  }

  fileOf(jobId: string, type: string): string {
    return path.join(this.directoryOf(jobId), `${type}.ndjson`);
  }

  async kickOff(
    query: RawQuery,
    prefer: string | undefined,
    baseUrl: string,
    requestUrl: string,
  ): Promise<FhirExportJob> {
    if (!/respond-async/i.test(prefer ?? '')) throw BadUserInputError.field('Prefer', 'must be respond-async');
    for (const name of Object.keys(query))
      if (!KICK_OFF_PARAMS.has(name)) throw BadUserInputError.field(name, 'is not a supported $export parameter');
    const one = (name: string) => {
      const value = query[name];
      if (Array.isArray(value)) throw BadUserInputError.field(name, 'takes one value');
      return value;
    };
    const format = one('_outputFormat');
    if (format !== undefined && !OUTPUT_FORMATS.has(format))
      throw BadUserInputError.field('_outputFormat', 'only application/fhir+ndjson is produced');
    const types =
      one('_type')
        ?.split(',')
        .map((type) => type.trim()) ?? EXPORT_TYPES;
    const unknown = types.filter((type) => !EXPORT_TYPES.includes(type));
    if (unknown.length > 0)
      throw BadUserInputError.field(
        '_type',
        `unsupported: ${unknown.join(', ')}; exported: ${EXPORT_TYPES.join(', ')}`,
      );
    const sinceText = one('_since');
    const since = sinceText === undefined ? null : new Date(sinceText);
    if (since && (!/^\d{4}-\d{2}-\d{2}T/.test(sinceText!) || Number.isNaN(since.getTime())))
      throw BadUserInputError.field('_since', 'must be a FHIR instant, e.g. 2026-01-31T00:00:00Z');
    return this.jobs.save(
      this.jobs.create({
        status: 'accepted',
        types: [...new Set(types)],
        since,
        baseUrl,
        requestUrl,
        expiresAt: new Date(Date.now() + EXPORT_LIFETIME_MS),
      }),
    );
  }

  /** A job that exists and has not expired, or NOT_FOUND. */
  async job(id: string): Promise<FhirExportJob> {
    const job = isUuid(id) ? await this.jobs.findOne({ where: { id } }) : null;
    if (!job || job.expiresAt.getTime() < Date.now()) throw new NotFoundError(`Export job ${id}`);
    return job;
  }

  manifest(job: FhirExportJob): ExportManifest {
    return {
      transactionTime: job.transactionTime!.toISOString(),
      request: job.requestUrl,
      requiresAccessToken: false,
      output: (job.output ?? []).map(({ type, count }) => ({
        type,
        url: `${job.baseUrl}/$export-file/${job.id}/${type}.ndjson`,
        count,
      })),
      error: [],
    };
  }

  async cancel(id: string): Promise<void> {
    const job = await this.job(id);
    await this.jobs.delete({ id: job.id });
    await rm(this.directoryOf(job.id), { recursive: true, force: true });
  }

  /** Deletes expired jobs and their files. */
  async deleteExpired(): Promise<number> {
    const expired = await this.jobs.find({ where: { expiresAt: LessThan(new Date()) }, select: { id: true } });
    for (const { id } of expired) {
      await this.jobs.delete({ id });
      await rm(this.directoryOf(id), { recursive: true, force: true });
    }
    return expired.length;
  }
}
