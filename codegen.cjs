// GraphQL Codegen: typed documents for the operations in libs/api-client, checked against the committed schema.
/** @type {import('@graphql-codegen/cli').CodegenConfig} */
module.exports = {
  schema: 'apps/api/schema.graphql',
  documents: ['libs/api-client/src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'libs/api-client/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
        skipTypename: true,
      },
    },
  },
};
