import { createReadStream } from 'fs';
import { access } from 'fs/promises';
import { Controller, Delete, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotFoundError } from '@mmn/errors';
import { Public } from '@mmn/identity';
import { FHIR_NDJSON } from '../fhir-constants';
import { operationOutcome } from '../fhir-error.renderer';
import { FHIR_CONTENT_TYPE, fhirBase, queryOf } from '../fhir-http';
import { EXPORT_TYPES } from './export-writer';
import { FhirExportService } from './fhir-export.service';
import { FhirExportWorker } from './fhir-export.worker';

/** FHIR Bulk Data system-level $export of the public directory (no account: requiresAccessToken is false). */
@Controller('fhir')
@Public()
export class FhirExportController {
  constructor(
    private readonly exports: FhirExportService,
    private readonly worker: FhirExportWorker,
  ) {}

  @Get('$export')
  async kickOff(@Req() req: Request, @Res() res: Response): Promise<void> {
    const base = fhirBase(req);
    const job = await this.exports.kickOff(
      queryOf(req),
      req.get('prefer'),
      base,
      `${base}${req.url.slice('/fhir'.length)}`,
    );
    void this.worker.tick();
    res.status(202).setHeader('Content-Location', `${base}/$export-status/${job.id}`);
    const accepted = operationOutcome('informational', 'Export started; poll the Content-Location URL.');
    accepted.issue[0].severity = 'information';
    res.type(FHIR_CONTENT_TYPE).send(JSON.stringify(accepted));
  }

  @Get('$export-status/:id')
  async status(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const job = await this.exports.job(id);
    res.setHeader('Cache-Control', 'no-store');
    switch (job.status) {
      case 'accepted':
      case 'in-progress':
        res.status(202).setHeader('X-Progress', job.status).setHeader('Retry-After', '2').end();
        return;
      case 'failed':
        res
          .status(500)
          .type(FHIR_CONTENT_TYPE)
          .send(JSON.stringify(operationOutcome('exception', job.error ?? 'The export failed.')));
        return;
      case 'completed':
        res
          .status(200)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(this.exports.manifest(job)));
    }
  }

  @Delete('$export-status/:id')
  async cancel(@Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.exports.cancel(id);
    res.status(202).end();
  }

  @Get('$export-file/:id/:file')
  async file(@Param('id') id: string, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const job = await this.exports.job(id);
    const type = file.replace(/\.ndjson$/, '');
    if (job.status !== 'completed' || !EXPORT_TYPES.includes(type) || !job.types.includes(type))
      throw new NotFoundError(`Export file ${file}`);
    const path = this.exports.fileOf(job.id, type);
    await access(path).catch(() => {
      throw new NotFoundError(`Export file ${file}`);
    });
    res.status(200).type(FHIR_NDJSON);
    createReadStream(path).pipe(res);
  }
}
