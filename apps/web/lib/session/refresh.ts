import { createHash } from 'crypto';
import { RefreshSessionDocument, type SessionTokensFragment } from '@mmn/api-client';
import { ApiError, callApi } from '../api';

/**
 * Refresh tokens are single use and reusing one revokes the whole session, so two requests of the same browser
 * that refresh at once (two tabs, a prefetch) must not both present it. Concurrent and recent refreshes of the
 * same token share one answer for a short while.
 */
const RECENT_MS = 30_000;
const recent = new Map<string, { at: number; answer: Promise<SessionTokensFragment | null> }>();

function keyOf(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('base64url');
}

/** New tokens for a refresh token, or null when the session is over (expired, revoked, already rotated). */
export function refreshTokens(refreshToken: string): Promise<SessionTokensFragment | null> {
  const now = Date.now();
  for (const [key, entry] of recent) if (now - entry.at > RECENT_MS) recent.delete(key);
  const key = keyOf(refreshToken);
  const known = recent.get(key);
  if (known) return known.answer;
  const answer = callApi(RefreshSessionDocument, { refreshToken })
    .then((data) => data.refreshSession)
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
      // Not an answer about the session (the API is down): let the next request try again.
      recent.delete(key);
      throw error;
    });
  recent.set(key, { at: now, answer });
  return answer;
}
