import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describeUnexpected, ErrorCode, internalErrorMessage, toDomainError } from '@mmn/errors';

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

/** Turns anything a resolver threw into a GraphQLError with a contract code. Unknown errors become INTERNAL. */
export function toGraphQLError(
  exception: unknown,
  requestId: string | undefined,
  logger: InternalErrorLogger,
): GraphQLError {
  if (
    exception instanceof GraphQLError &&
    typeof exception.extensions?.code === 'string' &&
    exception.extensions.code in ErrorCode
  ) {
    return exception;
  }
  const domain = toDomainError(exception);
  if (domain) return new GraphQLError(domain.message, { extensions: { code: domain.code, ...domain.extensions } });
  logger.error({ error: describeUnexpected(exception), requestId }, 'unexpected error in a GraphQL operation');
  return new GraphQLError(internalErrorMessage(requestId), { extensions: { code: ErrorCode.INTERNAL, requestId } });
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
