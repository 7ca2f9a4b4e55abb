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

/** Turns anything a resolver threw into a GraphQLError with a contract code. Unknown errors become INTERNAL. */
export function toGraphQLError(exception: unknown, requestId: string | undefined, logger: InternalErrorLogger): GraphQLError {
  if (exception instanceof DomainException) {
    return new GraphQLError(exception.message, { extensions: { code: exception.code, ...exception.extensions } });
  }
  if (exception instanceof GraphQLError && typeof exception.extensions?.code === 'string' && exception.extensions.code in ErrorCode) {
    return exception;
  }
  if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
    const code = HTTP_STATUS_CODES[exception.getStatus()];
    return new GraphQLError(code === ErrorCode.RATE_LIMITED ? 'Too many requests; try again later.' : exception.message, { extensions: { code } });
  }
  logger.error({ err: exception, requestId }, 'unexpected error in a GraphQL operation');
  return new GraphQLError(`Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} if you contact support.`, {
    extensions: { code: ErrorCode.INTERNAL, requestId },
  });
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
  if (code === undefined || !(code in ErrorCode)) {
    if (code !== undefined && APOLLO_INPUT_CODES.has(code)) {
      extensions.code = ErrorCode.BAD_USER_INPUT;
      extensions.reason = code;
    } else if (code === undefined && formatted.message.startsWith('Syntax Error')) {
      extensions.code = ErrorCode.BAD_USER_INPUT;
    } else {
      onUnexpected?.(formatted);
      return { message: 'Something went wrong on our side.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL } };
    }
  }
  return { ...formatted, extensions };
}
