/** The error codes of the public contract; every GraphQL error carries one in extensions.code. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** A rule of the domain was broken in a way the caller can act on. Its message is safe to show. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  path: string;
  message: string;
}

export class BadUserInputError extends DomainError {
  constructor(fields: FieldProblem[], message?: string) {
    super(ErrorCode.BAD_USER_INPUT, message ?? fields.map((f) => `${f.path}: ${f.message}`).join('; '), {
      fields: fields.map((f) => f.path),
      problems: fields,
    });
  }

  static field(path: string, message: string): BadUserInputError {
    return new BadUserInputError([{ path, message }]);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to do this.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.INVALID_STATE, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message = 'Too many attempts; try again later.', retryAfterSeconds?: number) {
    super(ErrorCode.RATE_LIMITED, message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
