// The signed-in web's session: tokens in HttpOnly cookies on this server only, refreshed server-side.
export { readHeaderUser, type HeaderUser } from './cookies';
export { homeFor, safeNextPath, signInPath } from './next-path';
export { actionSession, optionalUser, requireRole, requireSession, type Session } from './session';
