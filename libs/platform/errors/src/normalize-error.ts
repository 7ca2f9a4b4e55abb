import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode } from './domain-errors';

/** The HTTP status each contract code answers with on plain HTTP transports (JSON, FHIR). */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_STATE]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};

const CODE_BY_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * The one place that decides what a thrown value means to a client, whatever the transport: domain errors pass
 * through; Nest's HTTP exceptions (the throttler, body parser, unknown routes) get the code of their status.
 * Anything else is unexpected (null): each transport answers INTERNAL and logs it.
 */
export function toDomainError(exception: unknown): DomainError | null {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    const code = CODE_BY_HTTP_STATUS[exception.getStatus()];
    if (!code) return null;
    if (code === ErrorCode.RATE_LIMITED) return new DomainError(code, 'Too many requests; try again later.');
    return new DomainError(code, exception.message);
  }
  return null;
}

/**
 * What may be logged about an unexpected error. Database errors keep only their codes and names: their messages
 * and the query parameters TypeORM attaches can quote the values of the failed write (patient data).
 */
export function describeUnexpected(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as Record<string, unknown>;
  const fromDatabase = error.name === 'QueryFailedError' || typeof driver.routine === 'string';
  const pick = (key: string) => (typeof driver[key] === 'string' ? driver[key] : undefined);
  return {
    type: error.name,
    message: fromDatabase ? undefined : error.message,
    code: pick('code'),
    constraint: pick('constraint'),
    table: pick('table'),
    column: pick('column'),
    routine: pick('routine'),
    stack: error.stack?.split('\n').slice(1, 10).join('\n'),
  };
}

/** The message a client sees for an unexpected error: no detail, a request id to quote. */
export function internalErrorMessage(requestId: string | undefined): string {
  return `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} if you contact support.`;
}
