import { Client } from 'pg';
import type { TestApp } from './test-app';

/** Runs one SQL statement against the test file's own database (to look at what the API stored). */
export async function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
