import { randomBytes } from 'crypto';
import type { GqlResponse, TestApp } from '@mmn/testing';

/** A long, uncommon password that passes the policy. */
export const GOOD_PASSWORD = 'plum-harbour-violin-42';

export const USER_FIELDS = 'id email role displayName createdAt';

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken expiresIn user { ${USER_FIELDS} } }
}`;

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken expiresIn user { ${USER_FIELDS} } }
}`;

export const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id } }
}`;

export const LOGOUT = `mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;

export const ME = `{ me { ${USER_FIELDS} } }`;

export interface UserView {
  id: string;
  email: string;
  role: string;
  displayName: string;
  createdAt: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserView;
}

/** A fresh address, so tests never share an account (or its failure count) by accident. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.org`;
}

export interface RegistrationFields {
  email?: string;
  password?: string;
  role?: string;
  displayName?: string;
}

export function register(t: TestApp, fields: RegistrationFields = {}): Promise<GqlResponse<{ register: Session }>> {
  const input = {
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    role: 'PATIENT',
    displayName: 'Ann Example',
    ...fields,
  };
  return t.gql<{ register: Session }>(REGISTER, { input });
}

/** Registers and returns the session, failing loudly when registration did not succeed. */
export async function registered(t: TestApp, fields: RegistrationFields = {}): Promise<Session> {
  const res = await register(t, fields);
  expect(res.errors).toBeUndefined();
  return res.data!.register;
}

export function login(
  t: TestApp,
  email: string,
  password: string,
  headers?: Record<string, string>,
): Promise<GqlResponse<{ login: Session }>> {
  return t.gql<{ login: Session }>(LOGIN, { input: { email, password } }, { headers });
}

export function me(t: TestApp, token?: string): Promise<GqlResponse<{ me: UserView }>> {
  return t.gql<{ me: UserView }>(ME, undefined, { token });
}

export function refresh(t: TestApp, refreshToken: string): Promise<GqlResponse<{ refreshSession: Session }>> {
  return t.gql<{ refreshSession: Session }>(REFRESH, { refreshToken });
}

/** The single error code of a response (fails when there is not exactly one error). */
export function errorCode(res: GqlResponse<unknown>): string {
  expect(res.errors).toHaveLength(1);
  return res.errors![0].extensions.code;
}
