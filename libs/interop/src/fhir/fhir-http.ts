import type { Request } from 'express';
import type { RawQuery } from './search/search-params';

/** The FHIR base URL as the client reached it (scheme and host from the request; proxies on loopback are trusted). */
export function fhirBase(req: Request): string {
  return `${req.protocol}://${req.get('host')}/fhir`;
}

/** `Prefer: handling=lenient` asks the server to ignore parameters it does not understand. */
export function isLenient(req: Request): boolean {
  return /handling\s*=\s*lenient/i.test(req.get('prefer') ?? '');
}

export function queryOf(req: Request): RawQuery {
  return req.query as RawQuery;
}

export const FHIR_CONTENT_TYPE = 'application/fhir+json; charset=utf-8';
