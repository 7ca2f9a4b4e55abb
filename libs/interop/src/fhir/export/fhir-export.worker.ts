import { mkdir, rm } from 'fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DirectoryReadModel } from '@mmn/directory';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { ReferenceDataService } from '@mmn/reference-data';
import { FhirExportJob } from './export-job.entity';
import { writeExport } from './export-writer';
import { FhirExportService } from './fhir-export.service';

class ExportCancelled extends Error {}

/**
 * Runs accepted $export jobs one at a time (SKIP LOCKED, so several API processes share the work) and restarts jobs
 * whose writer stopped heartbeating (a crash or restart); deletes expired jobs and their files.
 */
@Injectable()
export class FhirExportWorker extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'fhir-export', everyMs: 5_000, runAtStart: true };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exports: FhirExportService,
    private readonly directory: DirectoryReadModel,
    private readonly referenceData: ReferenceDataService,
  ) {
    super();
  }

  protected async runOnce(): Promise<void> {
    await this.exports.deleteExpired();
    for (let job = await this.claim(); job; job = await this.claim()) await this.run(job);
  }

  private async claim(): Promise<FhirExportJob | null> {
    const result = await this.dataSource.query<unknown[]>(
      `UPDATE fhir_export_jobs SET status = 'in-progress', heartbeat_at = now(), transaction_time = now()
       WHERE id = (SELECT id FROM fhir_export_jobs
         WHERE status = 'accepted' OR (status = 'in-progress' AND heartbeat_at < now() - interval '1 minute')
         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { id: string }[];
    return rows.length > 0 ? this.dataSource.manager.findOneBy(FhirExportJob, { id: rows[0].id }) : null;
  }

  private async run(job: FhirExportJob): Promise<void> {
    const folder = this.exports.directoryOf(job.id);
    const alive = async () => {
      const result = await this.dataSource.query<unknown[]>(
        `UPDATE fhir_export_jobs SET heartbeat_at = now() WHERE id = $1 AND status = 'in-progress' RETURNING id`,
        [job.id],
      );
      const rows = (Array.isArray(result[0]) ? result[0] : result) as unknown[];
      if (rows.length === 0) throw new ExportCancelled();
    };
    try {
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      const output = await writeExport(
        this.directory,
        await this.referenceData.networks(),
        job.types,
        job.since,
        (type) => this.exports.fileOf(job.id, type),
        alive,
      );
      await this.dataSource.query(
        `UPDATE fhir_export_jobs SET status = 'completed', output = $2, heartbeat_at = NULL WHERE id = $1`,
        [job.id, JSON.stringify(output)],
      );
    } catch (error) {
      if (error instanceof ExportCancelled) return;
      this.logger.error({ msg: 'export job failed', jobId: job.id, error: (error as Error).message });
      await this.dataSource.query(`UPDATE fhir_export_jobs SET status = 'failed', error = $2 WHERE id = $1`, [
        job.id,
        'The export failed on the server; start a new one.',
      ]);
    }
  }
}
