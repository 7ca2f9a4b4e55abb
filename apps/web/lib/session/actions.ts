'use server';

import { redirect } from 'next/navigation';
import { LogoutDocument } from '@mmn/api-client';
import { callApi } from '../api';
import { clearTokens, readTokens } from './cookies';

/** Sign out: the API revokes the session's refresh token family, the cookies go, the home page follows. */
export async function signOut(): Promise<void> {
  const { refreshToken } = await readTokens();
  if (refreshToken) await callApi(LogoutDocument, { refreshToken }).catch(() => undefined);
  await clearTokens();
  redirect('/');
}
