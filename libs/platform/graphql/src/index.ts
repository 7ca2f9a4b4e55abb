export * from './error-code';
export * from './graphql-error-mapping';
export * from './graphql-exception.filter';
export * from './input-validation.pipe';
export * from './query-limits';
export * from './scalars';
