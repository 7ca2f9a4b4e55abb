import * as fs from 'fs';
import * as path from 'path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTestApp, type TestApp } from '@mmn/testing';

const SCHEMA_FILE = path.resolve(__dirname, '../../apps/api/schema.graphql');

describe('committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the schema the server builds (run `npm run schema:print` after changing the API)', () => {
    const printed = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, printed);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });
});
