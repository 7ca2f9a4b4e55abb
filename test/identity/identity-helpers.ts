import { randomBytes } from 'crypto';
import {
  LoginDocument,
  MeDocument,
  RefreshSessionDocument,
  RegisterDocument,
  type Role,
  type SessionTokensFragment,
  type SessionUserFragment,
} from '@mmn/api-client';
import type { GqlResponse, TestApp } from '@mmn/testing';

/** A long, uncommon password that passes the policy. */
export const GOOD_PASSWORD = 'plum-harbour-violin-42';

/** The user fields a session carries, for hand-written documents that alias operations. */
export const USER_FIELDS = 'id email role displayName createdAt';

/** A signed-in session, as register/login/refresh return it. */
export type Session = SessionTokensFragment;
export type UserView = SessionUserFragment;

/** A fresh address, so tests never share an account (or its failure count) by accident. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.org`;
}

export interface RegistrationFields {
  email?: string;
  password?: string;
  /** A string, so that tests can send roles the contract refuses. */
  role?: string;
  displayName?: string;
}

/** The one registration request of the end-to-end tests (other helpers build on it). */
export function register(t: TestApp, fields: RegistrationFields = {}) {
  const input = {
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    role: 'PATIENT',
    displayName: 'Ann Example',
    ...fields,
  };
  return t.gql(RegisterDocument, { input: { ...input, role: input.role as Role } });
}

/** Registers and returns the session, failing loudly when registration did not succeed. */
export async function registered(t: TestApp, fields: RegistrationFields = {}): Promise<Session> {
  const res = await register(t, fields);
  expect(res.errors).toBeUndefined();
  return res.data!.register;
}

export function login(t: TestApp, email: string, password: string, headers?: Record<string, string>) {
  return t.gql(LoginDocument, { input: { email, password } }, { headers });
}

export function me(t: TestApp, token?: string) {
  return t.gql(MeDocument, {}, { token });
}

export function refresh(t: TestApp, refreshToken: string) {
  return t.gql(RefreshSessionDocument, { refreshToken });
}

/** The single error code of a response (fails when there is not exactly one error). */
export function errorCode(res: GqlResponse<unknown>): string {
  expect(res.errors).toHaveLength(1);
  return res.errors![0].extensions.code;
}
