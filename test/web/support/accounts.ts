import { Client } from 'pg';
import type { WebServer } from './web-harness';

/** The sign-in email of a therapist profile (generated demo therapists share the demo password). */
export async function emailOfTherapist(server: WebServer, therapistId: string): Promise<string> {
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ email: string }>(
      'SELECT u.email FROM users u JOIN therapists t ON t.user_id = u.id WHERE t.id = $1',
      [therapistId],
    );
    return rows[0].email;
  } finally {
    await db.end();
  }
}
