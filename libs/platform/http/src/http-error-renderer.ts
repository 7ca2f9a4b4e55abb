import { type DomainError, ErrorCode, HTTP_STATUS_BY_CODE } from '@mmn/errors';

/** How one HTTP transport writes an error: the JSON API below, FHIR's OperationOutcome under /fhir. */
export interface HttpErrorRenderer {
  /** Whether this renderer answers for a request path (the first that matches wins; JSON is the fallback). */
  handles(path: string): boolean;
  contentType: string;
  body(error: DomainError): unknown;
}

export const HTTP_ERROR_RENDERERS = Symbol('HTTP_ERROR_RENDERERS');

/** Plain HTTP/JSON: `{ "error": { "code", "message", "fields" } }`. */
export const jsonErrorRenderer: HttpErrorRenderer = {
  handles: () => true,
  contentType: 'application/json; charset=utf-8',
  body: (error) => ({
    error: {
      code: error.code,
      message: error.message,
      ...(Array.isArray(error.extensions.fields) ? { fields: error.extensions.fields } : {}),
      ...(error.extensions.problems ? { problems: error.extensions.problems } : {}),
    },
  }),
};

export function httpStatusOf(error: DomainError): number {
  return HTTP_STATUS_BY_CODE[error.code] ?? HTTP_STATUS_BY_CODE[ErrorCode.INTERNAL];
}
