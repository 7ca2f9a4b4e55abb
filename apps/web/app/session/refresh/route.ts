import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { clearTokens, readTokens, storeTokens } from '../../../lib/session/cookies';
import { safeNextPath, signInPath } from '../../../lib/session/next-path';
import { refreshTokens } from '../../../lib/session/refresh';

export const dynamic = 'force-dynamic';

/**
 * Pages cannot set cookies, so a page whose access token has expired sends the browser here: the refresh token
 * is rotated server-side, the new tokens go into their HttpOnly cookies, and the browser returns to `next`.
 * Without a live session: the sign-in page, which returns to `next` afterwards.
 */
export async function GET(request: NextRequest): Promise<never> {
  const next = safeNextPath(request.nextUrl.searchParams.get('next'));
  const { refreshToken } = await readTokens();
  const tokens = refreshToken ? await refreshTokens(refreshToken) : null;
  if (!tokens) {
    await clearTokens();
    redirect(signInPath(next, refreshToken ? 'expired' : undefined));
  }
  await storeTokens(tokens);
  redirect(next);
}
