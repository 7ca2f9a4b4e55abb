import { redirect } from 'next/navigation';
import { cache } from 'react';
import { MeDocument, type Role, type SessionUserFragment, type TypedDocumentNode } from '@mmn/api-client';
import { ApiError, callApi } from '../api';
import { clearTokens, readTokens, storeTokens } from './cookies';
import { refreshPath, signInPath } from './next-path';
import { refreshTokens } from './refresh';

/** A signed-in visitor as a page or action sees them: who they are and a way to call the API as them. */
export interface Session {
  user: SessionUserFragment;
  /** Calls the API with the visitor's access token (and address); an ended session leads to sign-in. */
  call<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData>;
}

const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.code === 'UNAUTHENTICATED';

const loadUser = cache(async (accessToken: string): Promise<SessionUserFragment | null> => {
  try {
    return (await callApi(MeDocument, {}, { accessToken })).me;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
});

/**
 * For pages: the session, or a redirect. `next` is where the visitor is (a path without patient details), to
 * come back to after a refresh or a new sign-in. Pages cannot set cookies, so an expired access token goes
 * through /session/refresh, which rotates the tokens and returns here.
 */
export const requireSession = cache(async (next: string): Promise<Session> => {
  const { accessToken, refreshToken } = await readTokens();
  if (!accessToken) redirect(refreshToken ? refreshPath(next) : signInPath(next));
  const user = await loadUser(accessToken);
  if (!user) redirect(refreshToken ? refreshPath(next) : signInPath(next, 'expired'));
  return {
    user,
    async call(document, variables) {
      try {
        return await callApi(document, variables, { accessToken });
      } catch (error) {
        if (isUnauthenticated(error)) redirect(refreshToken ? refreshPath(next) : signInPath(next, 'expired'));
        throw error;
      }
    },
  };
});

/** For pages only some roles may see: null for anyone else (the page answers 404, like a missing record). */
export async function requireRole(next: string, roles: readonly Role[]): Promise<Session | null> {
  const session = await requireSession(next);
  return roles.includes(session.user.role) ? session : null;
}

/** The visitor's session if there is a valid one, without redirecting (headers, optional personalisation). */
export async function optionalUser(): Promise<SessionUserFragment | null> {
  const { accessToken } = await readTokens();
  return accessToken ? loadUser(accessToken) : null;
}

async function refreshedAccessToken(refreshToken: string | undefined, next: string): Promise<string> {
  const tokens = refreshToken ? await refreshTokens(refreshToken) : null;
  if (!tokens) {
    await clearTokens();
    redirect(signInPath(next, refreshToken ? 'expired' : undefined));
  }
  await storeTokens(tokens);
  return tokens.accessToken;
}

/**
 * For server actions (which may set cookies): refreshes the access token in place when it has expired, and
 * retries a call once if the API says the token is no longer good. Without a session: sign-in, then `next`.
 */
export async function actionSession(next: string): Promise<Omit<Session, 'user'>> {
  const stored = await readTokens();
  let accessToken = stored.accessToken ?? (await refreshedAccessToken(stored.refreshToken, next));
  let refreshed = !stored.accessToken;
  return {
    async call(document, variables) {
      try {
        return await callApi(document, variables, { accessToken });
      } catch (error) {
        if (!isUnauthenticated(error) || refreshed) {
          if (isUnauthenticated(error)) {
            await clearTokens();
            redirect(signInPath(next, 'expired'));
          }
          throw error;
        }
        refreshed = true;
        accessToken = await refreshedAccessToken(stored.refreshToken, next);
        return callApi(document, variables, { accessToken });
      }
    },
  };
}
