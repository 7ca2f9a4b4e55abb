import { randomBytes } from 'crypto';
import { UsersService } from '@mmn/identity';
import type { TestApp } from '@mmn/testing';
import { login, registered, uniqueEmail } from '../identity/identity-helpers';

export const PASSWORD = 'correct horse battery staple 42';

export interface Account {
  token: string;
  userId: string;
}

/** A new account of this role, signed in (built on the one registration helper of the identity tests). */
export async function register(
  t: TestApp,
  role: 'THERAPIST' | 'PROVIDER' | 'PATIENT',
  displayName = `${role} ${randomBytes(3).toString('hex')}`,
): Promise<Account> {
  const session = await registered(t, {
    role,
    displayName,
    email: `${role.toLowerCase()}-${randomBytes(6).toString('hex')}@example.test`,
    password: PASSWORD,
  });
  return { token: session.accessToken, userId: session.user.id };
}

export async function signInAdmin(t: TestApp): Promise<Account> {
  const email = uniqueEmail('admin');
  await t.app.get(UsersService).ensureAdmin(email, PASSWORD);
  const res = await login(t, email, PASSWORD);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { token: res.data!.login.accessToken, userId: res.data!.login.user.id };
}

export const THERAPIST_FIELDS = `id displayName credentialLetters bio languages practiceContexts treatmentIntentions acceptingNewPatients billsInsurance
  conditions { id } techniques { id } verified updatedAt reputation { referringProviders completedReferrals endorsements }
  endorsements { id }
  locations { id label addressLine city state postalCode latitude longitude }
  licenses { id state licenseNumber issuedOn expiresOn verification { status verifiedAt source note } }
  certifications { id name issuer issuedOn expiresOn verification { status } }
  networkMemberships { id network { id name kind } effectiveFrom effectiveTo verification { status } }`;

export const MIAMI = {
  label: 'Brickell clinic',
  addressLine: '1 SE 3rd Ave',
  city: 'Miami',
  state: 'FL',
  postalCode: '33131',
};
export const COLUMBUS = { addressLine: '50 W Broad St', city: 'Columbus', state: 'OH', postalCode: '43215' };

export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
