import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { type DomainError, ErrorCode } from '@mmn/errors';
import type { HttpErrorRenderer } from '@mmn/http';
import { FHIR_JSON } from './fhir-constants';

const ISSUE_TYPE: Record<ErrorCode, OperationOutcomeIssue['code']> = {
  [ErrorCode.BAD_USER_INPUT]: 'invalid',
  [ErrorCode.UNAUTHENTICATED]: 'login',
  [ErrorCode.FORBIDDEN]: 'forbidden',
  [ErrorCode.NOT_FOUND]: 'not-found',
  [ErrorCode.CONFLICT]: 'conflict',
  [ErrorCode.INVALID_STATE]: 'business-rule',
  [ErrorCode.RATE_LIMITED]: 'throttled',
  [ErrorCode.SERVICE_UNAVAILABLE]: 'transient',
  [ErrorCode.INTERNAL]: 'exception',
};

export function operationOutcome(
  code: OperationOutcomeIssue['code'],
  diagnostics: string,
  expression?: string[],
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics, ...(expression?.length ? { expression } : {}) }],
  };
}

export const isFhirPath = (path: string) => path === '/fhir' || path.startsWith('/fhir/');

/** Errors under /fhir answer as an OperationOutcome with the code's HTTP status (the filter sets the status). */
export const fhirErrorRenderer: HttpErrorRenderer = {
  handles: isFhirPath,
  contentType: `${FHIR_JSON}; charset=utf-8`,
  body: (error: DomainError) =>
    operationOutcome(
      ISSUE_TYPE[error.code] ?? 'exception',
      error.message,
      Array.isArray(error.extensions.fields) ? (error.extensions.fields as string[]) : undefined,
    ),
};
