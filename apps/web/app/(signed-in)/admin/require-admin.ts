import { answerNotFound } from '../../../lib/metadata';
import { requireRole, type Session } from '../../../lib/session';

/** The admin console's pages are for ADMIN only: anyone else gets the 404 page, as for a missing record. */
export async function requireAdmin(path: string): Promise<Session | null> {
  const session = await requireRole(path, ['ADMIN']);
  if (!session) await answerNotFound();
  return session;
}
