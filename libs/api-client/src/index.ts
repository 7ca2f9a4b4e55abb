// Typed GraphQL documents generated from the committed schema (apps/api/schema.graphql) and the operations in
// ./operations. Used by the web app (server side) and the end-to-end tests. Regenerate with `npm run codegen`.
export * from './generated/graphql';
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
