import { cookies } from 'next/headers';

const SECURE = process.env.NODE_ENV !== 'development';
export const HANDOUT_COOKIE = `${SECURE ? '__Host-' : ''}mmn_handout`;

/** Ten minutes, enough to print; strict same-site, never readable by scripts. */
export function handoutCookieOptions() {
  return { httpOnly: true, secure: SECURE, sameSite: 'strict' as const, path: '/', maxAge: 600 };
}

/** The access code the confirmation handed to the hand-out page, if it is for this referral. */
export async function handoutCode(referralId: string): Promise<string | null> {
  const value = (await cookies()).get(HANDOUT_COOKIE)?.value;
  if (!value) return null;
  const dot = value.indexOf('.');
  return value.slice(0, dot) === referralId ? value.slice(dot + 1) : null;
}
