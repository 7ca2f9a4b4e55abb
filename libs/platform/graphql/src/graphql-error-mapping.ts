import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainException, ErrorCode } from './error-code';

export interface InternalErrorLogger {
  error(details: Record<string, unknown>, message: string): void;
}

const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

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

/** Turns anything a resolver threw into a GraphQLError with a contract code. Unknown errors become INTERNAL. */
export function toGraphQLError(
  exception: unknown,
  requestId: string | undefined,
  logger: InternalErrorLogger,
): GraphQLError {
  if (exception instanceof DomainException) {
    return new GraphQLError(exception.message, { extensions: { code: exception.code, ...exception.extensions } });
  }
  if (
    exception instanceof GraphQLError &&
    typeof exception.extensions?.code === 'string' &&
    exception.extensions.code in ErrorCode
  ) {
    return exception;
  }
  if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
    const code = HTTP_STATUS_CODES[exception.getStatus()];
    return new GraphQLError(
      code === ErrorCode.RATE_LIMITED ? 'Too many requests; try again later.' : exception.message,
      { extensions: { code } },
    );
  }
  logger.error({ error: describeUnexpected(exception), requestId }, 'unexpected error in a GraphQL operation');
  return new GraphQLError(
    `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} if you contact support.`,
    {
      extensions: { code: ErrorCode.INTERNAL, requestId },
    },
  );
}

const VARIABLE_AT_PATH = /^Variable "\$(\w+)" got invalid value [\s\S]* at "([^"]+)"; ([^;]*)$/;
const VARIABLE = /^Variable "\$(\w+)" got invalid value [\s\S]*?; ([^;]*)$/;
const SAFE_REASONS = [
  /^Field "[\w.]+" of required type "[\w![\]]+" was not provided\.$/,
  /^Field "[\w.]+" is not defined by type "\w+"\.( Did you mean [^?]*\?)?$/,
  /^Expected type "[\w![\]]+"\. Date must be a calendar date in the form YYYY-MM-DD\.$/,
];

/**
 * GraphQL's own messages for a variable of the wrong shape quote the submitted value, which may be patient data
 * ("got invalid value "1961-02-30" at "input.patient.dateOfBirth""). They are rewritten to name the field only,
 * and the field goes into `extensions.fields` like every other validation error.
 */
function withoutSubmittedValue(message: string): { message: string; field: string } | null {
  const atPath = VARIABLE_AT_PATH.exec(message);
  const match = atPath ?? VARIABLE.exec(message);
  if (!match) return null;
  const field = atPath ? atPath[2] : match[1];
  const reason = (atPath ? atPath[3] : match[2]).trim();
  const expected = /^Expected type "([\w![\]]+)"/.exec(reason);
  const safe = SAFE_REASONS.some((pattern) => pattern.test(reason))
    ? reason
    : expected
      ? `Expected a value of type "${expected[1]}".`
      : /^Value .* does not exist in "(\w+)" enum/.test(reason)
        ? `Not a valid ${/"(\w+)" enum/.exec(reason)![1]} value.`
        : 'Invalid value.';
  return { message: `Variable "$${match[1]}" has an invalid value at "${field}": ${safe}`, field };
}

/**
 * Last stop before an error reaches the client (also for parse/validation errors Apollo raises itself):
 * every error gets a contract code and never carries a stack trace outside development.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  development: boolean,
  onUnexpected?: (error: GraphQLFormattedError) => void,
): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (!development) delete extensions.stacktrace;
  const rewritten = formatted.message.startsWith('Variable "$') ? withoutSubmittedValue(formatted.message) : null;
  if (rewritten) {
    return {
      ...formatted,
      message: rewritten.message,
      extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, fields: [rewritten.field] },
    };
  }
  if (code === undefined || !(code in ErrorCode)) {
    if (code !== undefined && APOLLO_INPUT_CODES.has(code)) {
      extensions.code = ErrorCode.BAD_USER_INPUT;
      extensions.reason = code;
    } else if (code === undefined && formatted.message.startsWith('Syntax Error')) {
      extensions.code = ErrorCode.BAD_USER_INPUT;
    } else {
      onUnexpected?.(formatted);
      return {
        message: 'Something went wrong on our side.',
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL },
      };
    }
  }
  return { ...formatted, extensions };
}
