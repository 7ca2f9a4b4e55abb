// Pure TypeScript shared by every layer: no Nest, no database.
export * from './npi';
export * from './role';
export * from './ids';
export * from './dates';
export * from './input-transforms';
