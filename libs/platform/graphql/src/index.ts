export * from './graphql-error-mapping';
export * from './input-validation.pipe';
export * from './query-limits';
export * from './scalars';
export * from './page-size';
export * from './input-decorators';
export * from './page-info';
