// HTTP transports besides GraphQL: the exception filter shared by every transport and the JSON error body.
export * from './http-error-renderer';
export * from './transport-exception.filter';
