import { cookies } from 'next/headers';
import type { SessionTokensFragment } from '@mmn/api-client';

// Outside development the cookies are Secure, so they can carry the __Host- prefix (no Domain, Path=/, Secure):
// no sibling subdomain can plant or overwrite them.
const SECURE = process.env.NODE_ENV !== 'development';
const PREFIX = SECURE ? '__Host-' : '';
export const ACCESS_COOKIE = `${PREFIX}mmn_access`;
export const REFRESH_COOKIE = `${PREFIX}mmn_refresh`;
/** Role and name for the site header only (never trusted for access: the API decides from the token). */
export const USER_COOKIE = `${PREFIX}mmn_user`;

/** The refresh token lives as long as the API's session can (12 hours); each refresh rotates it. */
const SESSION_SECONDS = 12 * 60 * 60;
/** The access cookie disappears a minute before the token expires, so a page never sends an expired token. */
const ACCESS_MARGIN_SECONDS = 60;

const BASE = { httpOnly: true, secure: SECURE, sameSite: 'lax' as const, path: '/' };

export interface StoredTokens {
  accessToken?: string;
  refreshToken?: string;
}

export interface HeaderUser {
  role: string;
  displayName: string;
}

export async function readTokens(): Promise<StoredTokens> {
  const jar = await cookies();
  return { accessToken: jar.get(ACCESS_COOKIE)?.value, refreshToken: jar.get(REFRESH_COOKIE)?.value };
}

export async function readHeaderUser(): Promise<HeaderUser | null> {
  const jar = await cookies();
  if (!jar.get(REFRESH_COOKIE)) return null;
  const raw = jar.get(USER_COOKIE)?.value;
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as HeaderUser;
    return typeof value.role === 'string' && typeof value.displayName === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Stores a new session (sign-in, sign-up, refresh). Only server actions and route handlers may call this. */
export async function storeTokens(tokens: SessionTokensFragment): Promise<void> {
  const jar = await cookies();
  jar.set(ACCESS_COOKIE, tokens.accessToken, {
    ...BASE,
    maxAge: Math.max(tokens.expiresIn - ACCESS_MARGIN_SECONDS, 30),
  });
  jar.set(REFRESH_COOKIE, tokens.refreshToken, { ...BASE, maxAge: SESSION_SECONDS });
  const user: HeaderUser = { role: tokens.user.role, displayName: tokens.user.displayName };
  jar.set(USER_COOKIE, Buffer.from(JSON.stringify(user)).toString('base64url'), { ...BASE, maxAge: SESSION_SECONDS });
}

export async function clearTokens(): Promise<void> {
  const jar = await cookies();
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, USER_COOKIE]) jar.set(name, '', { ...BASE, maxAge: 0 });
}
