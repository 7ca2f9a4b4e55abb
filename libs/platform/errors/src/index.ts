// Domain errors independent of any transport: the contract's codes, field problems and typed error classes, and
// the one normalisation every transport (GraphQL, HTTP/JSON, FHIR) starts from.
export * from './domain-errors';
export * from './normalize-error';
