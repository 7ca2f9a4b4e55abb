/**
 * Where to return after signing in: only a path on this site ("/referrals/abc"), never another origin
 * ("//evil.example", "https://...", "/\\evil"). Anything else falls back to the given default.
 */
export function safeNextPath(value: unknown, fallback = '/referrals'): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  return value;
}

/** The sign-in page, asked to return to `next` afterwards. */
export function signInPath(next: string, reason?: 'expired'): string {
  const params = new URLSearchParams({ next: safeNextPath(next) });
  if (reason) params.set('reason', reason);
  return `/sign-in?${params.toString()}`;
}

/** The route that refreshes the session server-side, then returns to `next`. */
export function refreshPath(next: string): string {
  return `/session/refresh?${new URLSearchParams({ next: safeNextPath(next) }).toString()}`;
}

/** The first page after signing in, for a role. */
export function homeFor(role: string): string {
  return role === 'ADMIN' ? '/' : '/referrals';
}
