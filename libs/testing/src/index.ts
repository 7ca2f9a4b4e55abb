// Test harness: the services of a run, a database per test file, the real app over HTTP, and a gql() helper.
export * from './test-app';
export * from './test-services.contract';
export * from './fhir-schema';
export * from './test-sql';
