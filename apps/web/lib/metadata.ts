import type { Metadata } from 'next';
import { hostContext } from './host';

export const NOT_FOUND_METADATA: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * A page whose record does not exist renders the not-found content itself with status 404 (Next's notFound()
 * thrown from a dynamic segment leaves the server-rendered body empty, which breaks the site without JavaScript).
 */
export async function answerNotFound(): Promise<void> {
  (await hostContext()).setStatus(404);
}
