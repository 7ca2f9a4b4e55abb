import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { FHIR_JSON, FHIR_NDJSON } from './fhir-constants';
import { operationOutcome } from './fhir-error.renderer';

const JSON_FORMATS = new Set(['json', 'application/json', FHIR_JSON, 'application/json+fhir']);
const ACCEPTABLE = [FHIR_JSON, 'application/json', 'application/json+fhir', FHIR_NDJSON, '*/*', 'application/*'];

/** Whether an Accept header admits JSON (absent, a wildcard or one of the FHIR JSON types; quality 0 excluded). */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    return !refused && ACCEPTABLE.includes(type.trim());
  });
}

/** The server speaks FHIR JSON only: `_format=xml` (or an Accept header without JSON) gets 406 Not Acceptable. */
@Injectable()
export class FhirFormatMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const format = req.query._format;
    const formatOk = format === undefined || (typeof format === 'string' && JSON_FORMATS.has(format.toLowerCase()));
    if (formatOk && acceptsJson(req.headers.accept)) return next();
    res
      .status(406)
      .type(`${FHIR_JSON}; charset=utf-8`)
      .send(
        JSON.stringify(
          operationOutcome('not-supported', 'This server answers in FHIR JSON only (application/fhir+json).', [
            '_format',
          ]),
        ),
      );
  }
}
